/**
 * Test helpers shared by the ejb module's tests: certificates and keys generated for each test with BouncyCastle.
 */
package dev.parley.testing;
