/**
 * The JMS side of Parley: the consumers of the two queues (outbound without waiting for the network), the documented
 * message format, and the senders that put stanzas (and rejected messages) on the queues.
 */
package dev.parley.infrastructure.messaging.jms;
