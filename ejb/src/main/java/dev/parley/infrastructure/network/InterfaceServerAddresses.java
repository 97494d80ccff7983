package dev.parley.infrastructure.network;

import dev.parley.application.ServerAddresses;
import dev.parley.xmpp.net.IpAddressLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The addresses of the network interfaces that are up, plus the address the application server itself is bound to:
 * on a loopback network every 127.x.y.z is this machine's, but the interface lists only 127.0.0.1.
 */
@ApplicationScoped
public class InterfaceServerAddresses implements ServerAddresses {

    private static final Logger LOG = Logger.getLogger(InterfaceServerAddresses.class.getName());
    /** Where WildFly is told to bind its public interface ({@code -b}). */
    private static final String SERVER_BIND_ADDRESS = "jboss.bind.address";

    @Override
    public List<ServerAddress> bindable() {
        Map<String, ServerAddress> addresses = new LinkedHashMap<>();
        addresses.put("0.0.0.0", new ServerAddress("0.0.0.0", "all IPv4 addresses of this machine"));
        addresses.put("::", new ServerAddress("::", "all IPv6 (and, where the system allows, IPv4) addresses"));
        serverBindAddress().ifPresent(address -> addresses.put(address, new ServerAddress(address,
                "the address this application server runs on")));
        for (ServerAddress address : interfaceAddresses()) {
            addresses.putIfAbsent(address.address(), address);
        }
        return List.copyOf(addresses.values());
    }

    private static Optional<String> serverBindAddress() {
        String configured = System.getProperty(SERVER_BIND_ADDRESS);
        if (configured == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(literal(IpAddressLiteral.parse(configured)));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty(); // a host name: the interface list names its addresses
        }
    }

    private static List<ServerAddress> interfaceAddresses() {
        List<ServerAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!networkInterface.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (address.isLinkLocalAddress()) {
                        continue; // useless for federation, and not bindable without its interface scope
                    }
                    addresses.add(new ServerAddress(literal(address), describe(networkInterface, address)));
                }
            }
        } catch (SocketException e) {
            // Only the wildcards and the server's own address can be offered; the administrator may still type one.
            LOG.log(Level.WARNING, "The network interfaces of this machine cannot be listed", e);
        }
        return addresses;
    }

    private static String describe(NetworkInterface networkInterface, InetAddress address) {
        String kind = address.isLoopbackAddress() ? "loopback, this machine only"
                : address.isSiteLocalAddress() ? "private network" : "public";
        return networkInterface.getDisplayName() + " (" + kind + ")";
    }

    /** The address as the settings store it, without an IPv6 scope suffix. */
    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return address instanceof Inet6Address && scope >= 0 ? text.substring(0, scope) : text;
    }
}
