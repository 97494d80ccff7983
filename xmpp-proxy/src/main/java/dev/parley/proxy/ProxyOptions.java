package dev.parley.proxy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The proxy's command-line options, parsed and checked. Everything the proxy runs with is in the configuration
 * file; the command line only names it and says what to do with it.
 *
 * @param help    print the usage and exit
 * @param version print the version and exit
 * @param check   check the configuration file and exit
 * @param config  the configuration file; present unless {@code help} or {@code version}
 */
record ProxyOptions(boolean help, boolean version, boolean check, Optional<Path> config) {

    static final String USAGE = """
            Usage: java -jar parley-xmpp-proxy.jar --config FILE [--check]

            Parley XMPP Proxy: runs in the DMZ and holds the server-to-server (S2S) XMPP
            streams for a Parley server in proxy mode.

            Options:
              --config FILE   the configuration file (required); every key is explained in
                              parley-xmpp-proxy.properties.example
              --check         check the configuration file and the files it names, print
                              every problem, and exit: 0 when it is valid, 1 when not
              --version       print the version and exit
              --help          print this help and exit

            Stop it with Ctrl-C or SIGTERM: open streams are closed cleanly.
            """;

    /**
     * @throws IllegalArgumentException with a message for the person who typed the command
     */
    static ProxyOptions parse(List<String> args) {
        boolean help = false;
        boolean version = false;
        boolean check = false;
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--check" -> check = true;
                case "--config" -> {
                    if (config.isPresent()) {
                        throw new IllegalArgumentException("--config is given twice (see --help)");
                    }
                    config = Optional.of(path(value(args, ++i, arg)));
                }
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "' (see --help)");
            }
        }
        if (!help && !version && config.isEmpty()) {
            throw new IllegalArgumentException("--config FILE is required (see --help)");
        }
        return new ProxyOptions(help, version, check, config);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value (see --help)");
        }
        return args.get(index);
    }

    private static Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("--config needs a file name, not an empty one");
        }
        return Path.of(text);
    }
}
