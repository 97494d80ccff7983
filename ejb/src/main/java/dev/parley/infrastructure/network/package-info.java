/**
 * What the application needs to know of this machine's network set-up (its interface addresses), read from the JDK;
 * never a socket of its own.
 */
package dev.parley.infrastructure.network;
