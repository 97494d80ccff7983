/** The S2S load benchmark: {@link dev.parley.bench.LoadBenchmark} runs the load against each target in turn */
/** and reports stanzas/s accepted and delivered, latency percentiles and memory per idle authenticated stream. */
package dev.parley.bench;
