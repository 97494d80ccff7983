/**
 * What the application sees of Parley's resource adapter: the message listener its inbound MDB
 * implements, the connection factory it sends with, and the control object that applies settings.
 */
package dev.parley.connector.api;
