/**
 * MicroProfile Health checks: what "ready" means for Parley, reported at the server's standard
 * health endpoint.
 */
package dev.parley.interfaces.health;
