package dev.parley.proxy;

import dev.parley.proxy.config.ProxyConfig;
import dev.parley.proxy.config.ProxyConfigException;
import dev.parley.xmpp.s2s.ListenerConfig;
import dev.parley.xmpp.s2s.S2sListener;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Entry point of the runnable jar. */
public final class ProxyMain {

    static final int EXIT_USAGE = 2;

    private ProxyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns at once for --help, --version and errors, else when the JVM is asked to stop. */
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
        S2sListener listener;
        try {
            listener = S2sListener.start(ListenerConfig.of(config.s2s().bind(), config.s2s().port(), Set.of(config.domain())));
        } catch (RuntimeException e) {
            err.println("parley-xmpp-proxy: " + e.getMessage());
            return 1;
        }
        out.println("parley-xmpp-proxy: serving " + config.domain() + " on " + listener.localAddress());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            listener.close();
            stopped.countDown();
        }, "parley-proxy-shutdown"));
        stopped.await();
        return 0;
    }
}
