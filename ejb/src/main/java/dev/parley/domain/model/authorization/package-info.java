/**
 * Domain authorizations: which remote domains (exact, or {@code *.domain} for subdomains) may federate, at which
 * level and TLS policy, and the {@link dev.parley.domain.model.authorization.AuthorizationTable} that decides it.
 */
package dev.parley.domain.model.authorization;
