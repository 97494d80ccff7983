package dev.parley.it.peers;

/** An SRV record the run's DNS publishes for a domain, pointing at that domain's own address. */
public record SrvRecord(SrvService service, int port) {
}
