/** What the tests and the benchmarks do to a provisioned Parley server before they start it. */
package dev.parley.it.server;
