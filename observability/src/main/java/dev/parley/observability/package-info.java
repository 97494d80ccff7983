/**
 * What monitoring sees of Parley: the readiness check and the federation meters, in the EAR's library where WildFly's
 * health and Micrometer subsystems find them.
 */
package dev.parley.observability;
