/** Parley in a copy of its provisioned WildFly, for the benchmarks that measure the deployed server. */
package dev.parley.bench.server;
