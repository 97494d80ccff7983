package dev.parley.proxy;

import dev.parley.xmpp.net.IpAddressLiteral;
import java.net.InetAddress;
import java.util.List;

/** The proxy's command-line options, parsed and checked. */
record ProxyOptions(boolean help, boolean version, InetAddress s2sBindAddress, int s2sPort, String domain) {

    static final String USAGE = """
            Usage: java -jar parley-xmpp-proxy.jar [options]

            Parley XMPP Proxy: runs in the DMZ and holds the server-to-server (S2S) XMPP
            streams for a Parley server in proxy mode.

            Options:
              --domain NAME        XMPP domain the proxy serves (required to run)
              --s2s-bind ADDRESS   IP address to listen on for S2S streams (default 127.0.0.1)
              --s2s-port PORT      TCP port for S2S streams (default 5269)
              --version            print the version and exit
              --help               print this help and exit

            Stop it with Ctrl-C or SIGTERM: open streams are closed cleanly.
            """;

    /**
     * @throws IllegalArgumentException with a message for the person who typed the command
     */
    static ProxyOptions parse(List<String> args) {
        boolean help = false;
        boolean version = false;
        InetAddress bind = IpAddressLiteral.parse("127.0.0.1");
        int port = 5269;
        String domain = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--domain" -> domain = value(args, ++i, arg);
                case "--s2s-bind" -> bind = IpAddressLiteral.parse(value(args, ++i, arg));
                case "--s2s-port" -> port = port(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "' (see --help)");
            }
        }
        if (!help && !version && (domain == null || domain.isBlank())) {
            throw new IllegalArgumentException("--domain is required (see --help)");
        }
        return new ProxyOptions(help, version, bind, port, domain);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args.get(index);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the text as typed
        }
        throw new IllegalArgumentException("--s2s-port must be a number from 1 to 65535, not '" + text + "'");
    }
}
