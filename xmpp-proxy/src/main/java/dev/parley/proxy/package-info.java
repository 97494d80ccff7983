/**
 * The Parley XMPP Proxy's command line: reads its options and configuration and runs the same S2S engine the
 * resource adapter hosts, outside any application server.
 */
package dev.parley.proxy;
