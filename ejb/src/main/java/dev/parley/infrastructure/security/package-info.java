/**
 * Keeps secrets Parley must be able to use again (the proxy password) encrypted at rest, with a
 * key that never enters the database.
 */
package dev.parley.infrastructure.security;
