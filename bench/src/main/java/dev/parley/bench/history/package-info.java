/**
 * The message-history benchmark: Parley in its provisioned WildFly with a million messages in its users' histories,
 * and the time the user API takes to answer a conversation and the messages received, against the time it takes for a
 * request that reads no history.
 */
package dev.parley.bench.history;
