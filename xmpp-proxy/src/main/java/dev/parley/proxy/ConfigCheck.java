package dev.parley.proxy;

import dev.parley.proxy.config.ProxyConfig;
import dev.parley.proxy.config.ProxyConfigException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --check}: loads the configuration as a start would, and says whether it would start. */
final class ConfigCheck {

    static final int EXIT_INVALID = 1;

    private ConfigCheck() {
    }

    /** @return 0 when the file is valid, {@link #EXIT_INVALID} after printing its problems to {@code err} */
    static int run(Path file, PrintStream out, PrintStream err) {
        try {
            ProxyConfig config = ProxyConfig.load(file);
            out.println("parley-xmpp-proxy: " + file + " is valid (domain " + config.domain() + ")");
            return 0;
        } catch (ProxyConfigException e) {
            err.println("parley-xmpp-proxy: " + e.getMessage());
            return EXIT_INVALID;
        }
    }
}
