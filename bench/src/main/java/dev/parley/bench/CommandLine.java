package dev.parley.bench;

import java.util.Optional;

/** The {@code --name value} options of the benchmarks that take a few named figures. */
public final class CommandLine {

    private CommandLine() {
    }

    /** The value after {@code name} in {@code args}, if {@code name} is there with a value after it. */
    public static Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
