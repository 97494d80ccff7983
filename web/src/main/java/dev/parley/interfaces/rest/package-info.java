/**
 * The REST API under /api: resources for administrators and scripts, the JSON documents they
 * exchange, and the mapping of failures to 4xx answers that say what was wrong.
 */
package dev.parley.interfaces.rest;
