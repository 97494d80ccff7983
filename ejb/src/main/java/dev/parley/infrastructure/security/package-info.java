/**
 * Keeps secrets Parley must be able to use again (the proxy password, the keys of the server certificates and of a
 * waiting certificate request) encrypted at rest, with a key that never enters the database; and makes keys, requests
 * and self-signed certificates with BouncyCastle.
 */
package dev.parley.infrastructure.security;
