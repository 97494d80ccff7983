/**
 * What the federation application offers its callers (REST, Faces, MDBs): service interfaces,
 * one per use case, free of transport details.
 */
package dev.parley.application;
