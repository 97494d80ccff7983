/** The application's counts of federation traffic, kept as meters of WildFly's Micrometer registry. */
package dev.parley.infrastructure.metrics;
