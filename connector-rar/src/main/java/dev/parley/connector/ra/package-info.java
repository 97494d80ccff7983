/**
 * The JCA resource adapter that runs Parley's S2S engine inside the application server:
 * it owns the sockets and threads that EJBs may not, and starts and stops them with the deployment.
 */
package dev.parley.connector.ra;
