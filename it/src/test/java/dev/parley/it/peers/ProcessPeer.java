package dev.parley.it.peers;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * What every peer that runs as a child process has: its domain on the run's network, its security mode, the test
 * CA, a folder of its own under the run, and the process once started. Subclasses know how to configure, start and
 * register users on their server.
 */
abstract class ProcessPeer implements FederationPeer {

    protected final PeerNetwork network;
    protected final String domain;
    protected final PeerSecurity security;
    protected final TestCa ca;
    protected final Path dir;
    protected ChildProcess process;

    private final String product;

    ProcessPeer(String product, PeerNetwork network, String domain, PeerSecurity security, TestCa ca) {
        this.product = product;
        this.network = network;
        this.domain = domain;
        this.security = security;
        this.ca = ca;
        this.dir = network.runDir().resolve(domain);
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public InetAddress address() {
        return network.address(domain);
    }

    @Override
    public int s2sPort() {
        return PeerPorts.s2s(security);
    }

    @Override
    public int c2sPort() {
        return PeerPorts.C2S;
    }

    @Override
    public PeerSecurity security() {
        return security;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return product + " " + domain + " at " + address().getHostAddress() + " (" + security + ")";
    }
}
