package dev.parley.proxy.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration file that cannot be used, with every problem found in it: the message is a heading naming the
 * file, then one line a problem, each starting with the key it concerns ({@code link.port: must be …}).
 */
public final class ProxyConfigException extends Exception {

    private final List<String> problems;

    ProxyConfigException(Path file, List<String> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each starting with its key, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    private static String message(Path file, List<String> problems) {
        StringBuilder message = new StringBuilder().append(file).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        problems.forEach(problem -> message.append("\n  ").append(problem));
        return message.toString();
    }
}
