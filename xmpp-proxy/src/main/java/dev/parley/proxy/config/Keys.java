package dev.parley.proxy.config;

import java.util.List;

/** The keys of the configuration file; {@link #ALL} in the order the example file explains them. */
final class Keys {

    static final String DOMAIN = "domain";
    static final String LINK_BIND = "link.bind";
    static final String LINK_PORT = "link.port";
    static final String LINK_SECRET_FILE = "link.secret-file";
    static final String LINK_TLS_CERTIFICATE = "link.tls.certificate";
    static final String LINK_TLS_KEY = "link.tls.key";
    static final String LINK_WAIT_SECONDS = "link.wait-seconds";
    static final String S2S_BIND = "s2s.bind";
    static final String S2S_PORT = "s2s.port";
    static final String S2S_DIRECT_TLS_PORT = "s2s.direct-tls-port";
    static final String S2S_CERTIFICATE = "s2s.certificate";
    static final String S2S_KEY = "s2s.key";
    static final String S2S_KEYSTORE = "s2s.keystore";
    static final String S2S_KEYSTORE_PASSWORD_FILE = "s2s.keystore.password-file";
    static final String S2S_TRUSTED_CAS = "s2s.trusted-cas";
    static final String S2S_CONNECTIONS_PER_ADDRESS = "s2s.connections-per-address";
    static final String S2S_PRIVATE_FEDERATION = "s2s.private-federation";
    static final String DNS_SERVERS = "dns.servers";
    static final String HEALTH_BIND = "health.bind";
    static final String HEALTH_PORT = "health.port";
    static final String LOG_FORMAT = "log.format";

    static final List<String> ALL = List.of(DOMAIN, LINK_BIND, LINK_PORT, LINK_SECRET_FILE, LINK_TLS_CERTIFICATE,
            LINK_TLS_KEY, LINK_WAIT_SECONDS, S2S_BIND, S2S_PORT, S2S_DIRECT_TLS_PORT, S2S_CERTIFICATE, S2S_KEY, S2S_KEYSTORE,
            S2S_KEYSTORE_PASSWORD_FILE, S2S_TRUSTED_CAS, S2S_CONNECTIONS_PER_ADDRESS, S2S_PRIVATE_FEDERATION,
            DNS_SERVERS, HEALTH_BIND, HEALTH_PORT, LOG_FORMAT);

    private Keys() {
    }
}
