package dev.parley.xmpp.stream;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code version} of a stream header (RFC 6120 §4.7.5): two integers, compared numerically
 * ({@code 1.10} is newer than {@code 1.9}), leading zeros ignored.
 */
public record StreamVersion(int major, int minor) implements Comparable<StreamVersion> {

    /** The version RFC 6120 defines and the only one this server speaks. */
    public static final StreamVersion V1_0 = new StreamVersion(1, 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

    public StreamVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version numbers are not negative: " + major + "." + minor);
        }
    }

    /** The version in {@code text}, or empty when it is not of the form {@code major.minor}. */
    public static Optional<StreamVersion> parse(String text) {
        var matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StreamVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    @Override
    public int compareTo(StreamVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
