/**
 * JPA implementations of the domain repositories, on the ParleyDS datasource.
 */
package dev.parley.infrastructure.persistence.jpa;
