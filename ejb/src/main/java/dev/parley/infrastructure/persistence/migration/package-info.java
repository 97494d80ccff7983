/**
 * Creates and upgrades the database schema with Flyway when the application starts, so that an
 * empty H2 file or PostgreSQL database becomes a working one without manual steps.
 */
package dev.parley.infrastructure.persistence.migration;
