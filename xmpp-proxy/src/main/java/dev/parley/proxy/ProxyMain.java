package dev.parley.proxy;

import dev.parley.proxy.config.ProxyConfig;
import dev.parley.proxy.config.ProxyConfigException;
import dev.parley.proxy.logging.ProxyLogging;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Entry point of the runnable jar. */
public final class ProxyMain {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;

    private ProxyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns at once for --help, --version, --check and errors, else when the JVM is asked to stop. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        ProxyOptions options;
        try {
            options = ProxyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("parley-xmpp-proxy: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(ProxyOptions.USAGE);
            return 0;
        }
        if (options.version()) {
            String version = ProxyMain.class.getPackage().getImplementationVersion();
            out.println("parley-xmpp-proxy " + (version == null ? "(development build)" : version));
            return 0;
        }
        if (options.check()) {
            return ConfigCheck.run(options.config().orElseThrow(), out, err);
        }
        ProxyConfig config;
        try {
            config = ProxyConfig.load(options.config().orElseThrow());
        } catch (ProxyConfigException e) {
            err.println("parley-xmpp-proxy: " + e.getMessage());
            return ConfigCheck.EXIT_INVALID;
        }
        ProxyLogging.configure(config.logFormat());
        ProxyServer server;
        try {
            server = ProxyServer.start(config);
        } catch (RuntimeException e) {
            err.println("parley-xmpp-proxy: " + e.getMessage());
            return EXIT_FAILED;
        }
        out.println("parley-xmpp-proxy: " + server.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (systemd's stop) and Ctrl-C: Parley's link and the S2S streams end with their closing tags.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            // On the console, not the log: the JDK's logging may already be shut down by its own hook.
            out.println("parley-xmpp-proxy: stopped");
            stopped.countDown();
        }, "parley-proxy-shutdown"));
        stopped.await();
        return 0;
    }
}
