/**
 * Network value types shared by the engine and its hosts: addresses as administrators type them,
 * validated without ever touching DNS.
 */
package dev.parley.xmpp.net;
