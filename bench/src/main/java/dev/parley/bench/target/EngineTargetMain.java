package dev.parley.bench.target;

import dev.parley.bench.delivery.DeliveryRecorder;
import dev.parley.xmpp.s2s.S2sEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The engine under load in a JVM of its own, driven by {@link EngineProcessTarget} through one command per line on
 * stdin, one answer per line on stdout: {@code reset}, {@code count}, {@code snapshot}, {@code memory}, {@code quit}.
 * Logging goes to stderr, which the parent sends to a file.
 *
 * <p>Arguments: domain, bind address, DNS address, DNS port, and for TLS the key store, the CA certificate and the
 * policy ({@link EngineTls}).
 */
public final class EngineTargetMain {

    static final String READY = "ready";

    private EngineTargetMain() {
    }

    public static void main(String[] args) throws IOException {
        String domain = args[0];
        InetAddress bind = InetAddress.getByName(args[1]);
        InetSocketAddress dns = new InetSocketAddress(InetAddress.getByName(args[2]), Integer.parseInt(args[3]));
        Optional<EngineTls> tls = args.length > 4 ? Optional.of(EngineTls.fromArguments(args[4], args[5], args[6]))
                : Optional.empty();
        DeliveryRecorder recorder = new DeliveryRecorder();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (S2sEngine engine = EngineHost.start(domain, bind, dns, Optional.empty(), tls,
                new EngineSink(recorder))) {
            out.println(READY);
            for (String command = in.readLine(); command != null && !command.equals("quit"); command = in.readLine()) {
                out.println(switch (command) {
                    case "reset" -> {
                        recorder.reset();
                        yield "ok";
                    }
                    case "count" -> String.valueOf(recorder.delivered());
                    case "snapshot" -> recorder.snapshot().toLine();
                    case "memory" -> ProcessMemory.heapAfterGc() + " " + ProcessMemory.ownRss();
                    default -> "unknown command " + command;
                });
            }
        }
    }
}
