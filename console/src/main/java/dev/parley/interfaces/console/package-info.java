/**
 * Backing beans of the Faces admin console (/console): what the pages show and the actions
 * they offer, always through the application services.
 */
package dev.parley.interfaces.console;
