package dev.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/RESULTS.md} holds one top-level section ({@code # …}) per benchmark; each benchmark replaces its own
 * section, or adds it at the end, and leaves the others as they are.
 */
public final class ResultsFile {

    private ResultsFile() {
    }

    /** Writes {@code section}, which starts with its {@code # } heading line, in place of the one with that heading. */
    public static void replace(Path file, String section) throws IOException {
        String heading = section.lines().findFirst().orElseThrow();
        List<String> sections = new ArrayList<>();
        if (Files.exists(file)) {
            sections.addAll(split(Files.readString(file, StandardCharsets.UTF_8)));
        }
        String text = section.stripTrailing() + "\n";
        int at = indexOf(sections, heading);
        if (at < 0) {
            sections.add(text);
        } else {
            sections.set(at, text);
        }
        Files.writeString(file, String.join("\n", sections), StandardCharsets.UTF_8);
    }

    private static int indexOf(List<String> sections, String heading) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).lines().findFirst().orElse("").equals(heading)) {
                return i;
            }
        }
        return -1;
    }

    /** The top-level sections, each from its heading line to the next one. */
    private static List<String> split(String text) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ") && current.length() > 0) {
                sections.add(current.toString().stripTrailing() + "\n");
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (!current.toString().isBlank()) {
            sections.add(current.toString().stripTrailing() + "\n");
        }
        return sections;
    }
}
