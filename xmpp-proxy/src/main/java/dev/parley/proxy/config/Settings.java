package dev.parley.proxy.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The key/value pairs of one configuration file, and the problems found in them so far. A value the parser
 * refuses becomes a problem under its key instead of an exception, so that reading goes on and every problem of
 * the file is reported at once; {@link #throwIfProblems()} ends it.
 *
 * <p>Values are trimmed, and a key with a blank value counts as absent: an example line uncommented without a value
 * means the default.
 */
final class Settings {

    private final Path file;
    private final Set<String> keys;
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> keysWithProblems = new HashSet<>();

    private Settings(Path file, Set<String> keys, Map<String, String> values) {
        this.file = file;
        this.keys = keys;
        this.values = values;
    }

    /**
     * Reads {@code file} as UTF-8 properties; a key given twice is a problem (only the last one would count).
     *
     * @throws ProxyConfigException when the file cannot be read at all
     */
    static Settings read(Path file) throws ProxyConfigException {
        Set<String> repeated = new LinkedHashSet<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    repeated.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new ProxyConfigException(file, List.of("the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new ProxyConfigException(file, List.of(unreadable(file, e)));
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a backslash-u escape without four hex digits after it.
            throw new ProxyConfigException(file, List.of("the file is not in properties format: " + e.getMessage()));
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> {
            String value = properties.getProperty(key).trim();
            if (!value.isEmpty()) {
                values.put(key, value);
            }
        });
        Settings settings = new Settings(file, new TreeSet<>(properties.stringPropertyNames()), values);
        repeated.forEach(key -> settings.problem(key, "given more than once; say it once, since only the last one"
                + " would count"));
        return settings;
    }

    /** The value of {@code key} parsed, or empty when it is absent or refused (a problem). */
    <T> Optional<T> optional(String key, Function<String, T> parser) {
        String text = values.get(key);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    /** As {@link #optional}, an absent key being a problem too. */
    <T> Optional<T> required(String key, Function<String, T> parser) {
        if (!values.containsKey(key)) {
            problem(key, "required");
        }
        return optional(key, parser);
    }

    /**
     * The value of {@code key} parsed, {@code defaultValue} when absent; also when refused, which is a problem, so
     * that the configuration is never built from it.
     */
    <T> T withDefault(String key, T defaultValue, Function<String, T> parser) {
        return optional(key, parser).orElse(defaultValue);
    }

    /** The path {@code key} names, relative ones taken from the configuration file's folder; not checked. */
    Optional<Path> path(String key) {
        return optional(key, this::resolve);
    }

    /** {@code text} as a path, a relative one taken from the configuration file's folder. */
    Path resolve(String text) {
        return file.toAbsolutePath().getParent().resolve(text).normalize();
    }

    /** Whether {@code key} is given (a non-blank value), whatever its value. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Whether {@code path}, from {@code key}, is a file this process may read; if not, that is a problem. */
    boolean readable(String key, Path path) {
        if (!Files.exists(path)) {
            problem(key, "no such file: " + path);
        } else if (!Files.isRegularFile(path)) {
            problem(key, "not a file: " + path);
        } else if (!Files.isReadable(path)) {
            problem(key, "this user may not read " + path);
        } else {
            return true;
        }
        return false;
    }

    /** What went wrong reading {@code path}, shorter than the exception's text (which may be the bare path). */
    static String unreadable(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + path;
        }
        if (e instanceof AccessDeniedException) {
            return "this user may not read " + path;
        }
        String reason = e instanceof FileSystemException failure && failure.getReason() != null ? failure.getReason()
                : e.getMessage();
        return "cannot read " + path + ": " + reason;
    }

    void problem(String key, String message) {
        problems.add(key + ": " + message);
        keysWithProblems.add(key);
    }

    /** Whether none of {@code keys} has a problem: whether values read from them are the ones written. */
    boolean valid(String... keys) {
        for (String key : keys) {
            if (keysWithProblems.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** Makes each key not in {@code known} a problem: a misspelt key must not be ignored in silence. */
    void refuseUnknownKeys(Collection<String> known) {
        for (String key : keys) {
            if (!known.contains(key)) {
                problem(key, "unknown key" + KeySuggestion.closest(key, known).map(k -> " (did you mean " + k + "?)")
                        .orElse("; the keys are listed in parley-xmpp-proxy.properties.example"));
            }
        }
    }

    /**
     * @throws ProxyConfigException with every problem found, if any
     */
    void throwIfProblems() throws ProxyConfigException {
        if (!problems.isEmpty()) {
            throw new ProxyConfigException(file, problems);
        }
    }
}
