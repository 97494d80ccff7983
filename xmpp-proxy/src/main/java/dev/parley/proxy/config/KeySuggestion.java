package dev.parley.proxy.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The known key an unknown one was probably meant to be: one at most two letters away (added, left out or changed),
 * or the only known key it is the beginning of ({@code link.secret} for {@code link.secret-file}).
 */
final class KeySuggestion {

    private static final int MAX_EDITS = 2;

    private KeySuggestion() {
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        Optional<String> misspelt = known.stream()
                .filter(key -> distance(unknown, key) <= MAX_EDITS)
                .min(Comparator.comparingInt(key -> distance(unknown, key)));
        if (misspelt.isPresent()) {
            return misspelt;
        }
        List<String> longer = known.stream().filter(key -> key.startsWith(unknown)).toList();
        return longer.size() == 1 ? Optional.of(longer.get(0)) : Optional.empty();
    }

    /** The Levenshtein distance: how many single letters must be inserted, deleted or replaced. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
