/**
 * How the proxy's log reaches the console: the engine logs through {@link java.lang.System.Logger}, which ends in
 * java.util.logging, whose console handler writes plain text or one JSON object a line.
 */
package dev.parley.proxy.logging;
