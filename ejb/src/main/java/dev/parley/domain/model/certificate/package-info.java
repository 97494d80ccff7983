/**
 * The S2S server certificate (one, its key stored sealed) and the CAs trusted besides the JDK's, with the rules an
 * import must pass and the remarks worth showing the administrator about what is stored.
 */
package dev.parley.domain.model.certificate;
