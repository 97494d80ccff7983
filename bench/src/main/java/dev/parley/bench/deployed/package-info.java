/**
 * The deployed-path benchmark: Parley in its provisioned WildFly, stanzas put on its JMS queue and carried by the
 * engine to a remote server, and stanzas from a remote server carried to the JMS queue and on to local users.
 */
package dev.parley.bench.deployed;
