/**
 * The application's side of Parley's resource adapter: the inbound MDB, sending through the
 * connection factory, and keeping the engine in step with the stored settings.
 */
package dev.parley.infrastructure.federation;
