package dev.parley.it.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A config template under {@code peers/} on the test classpath, with {@code @NAME@} placeholders. */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z0-9_]+)@");

    private Template() {
    }

    /** Writes the template with every placeholder replaced; a placeholder without a value is a harness bug. */
    static Path render(String name, Map<String, String> values, Path target) {
        Matcher matcher = PLACEHOLDER.matcher(read(name));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for " + matcher.group() + " in peers/" + name);
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        try {
            Files.createDirectories(target.getParent());
            return Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static String read(String name) {
        try (InputStream in = Template.class.getResourceAsStream("/peers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing template peers/" + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read template peers/" + name, e);
        }
    }
}
