/**
 * JSON text written by hand, for the health endpoint and the JSON log lines: the proxy's jar carries no JSON
 * library, and these two small objects do not need one.
 */
package dev.parley.proxy.json;
