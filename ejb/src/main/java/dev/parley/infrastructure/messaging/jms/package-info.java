/**
 * The JMS side of Parley: one message-driven bean per queue, the documented message format, and
 * the senders that put stanzas (and rejected messages) on the queues.
 */
package dev.parley.infrastructure.messaging.jms;
