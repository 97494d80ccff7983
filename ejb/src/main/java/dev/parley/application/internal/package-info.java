/**
 * The one implementation of each application service: stateless beans that apply the domain
 * rules inside a container transaction.
 */
package dev.parley.application.internal;
