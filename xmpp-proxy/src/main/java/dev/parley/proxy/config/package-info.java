/**
 * The proxy's configuration file: a Java properties file read and checked as a whole, so that one run (or
 * {@code --check}) reports every mistake in it, each under the key it concerns.
 */
package dev.parley.proxy.config;
