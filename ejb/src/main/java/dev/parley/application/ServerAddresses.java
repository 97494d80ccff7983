package dev.parley.application;

import java.util.List;

/** The IP addresses of this machine an S2S listener can be bound to, for an administrator to choose from. */
public interface ServerAddresses {

    /** The wildcard addresses first (all IPv4, all IPv6), then this machine's own, each named once. */
    List<ServerAddress> bindable();

    /**
     * One address to choose.
     *
     * @param address     the IP address literal, as the settings take it
     * @param description what it is, for a person: the interface it belongs to, or what a wildcard means
     */
    record ServerAddress(String address, String description) {
    }
}
