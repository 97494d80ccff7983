package dev.parley.xmpp.dns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * RFC 2782's order for SRV records: priorities ascending, and within one priority a weighted
 * random draw without replacement.
 *
 * <p>Weight 0 follows the RFC literally: such records go to the front of the draw list, so they
 * are picked only when the random number is 0 (a small chance when others weigh more), and in
 * random order among themselves when all weights are 0. The list is shuffled first because the
 * RFC lets "any order" stand before the draw, and DNS servers tend to return a fixed one.
 */
final class SrvOrdering {

    private SrvOrdering() {
    }

    static List<S2sTarget> order(Collection<SrvCandidate> candidates, RandomGenerator random) {
        Map<Integer, List<SrvCandidate>> byPriority = new TreeMap<>();
        for (SrvCandidate candidate : candidates) {
            byPriority.computeIfAbsent(candidate.priority(), priority -> new ArrayList<>()).add(candidate);
        }
        List<S2sTarget> ordered = new ArrayList<>(candidates.size());
        for (List<SrvCandidate> samePriority : byPriority.values()) {
            drawByWeight(samePriority, random, ordered);
        }
        return ordered;
    }

    private static void drawByWeight(List<SrvCandidate> remaining, RandomGenerator random, List<S2sTarget> into) {
        for (int i = remaining.size() - 1; i > 0; i--) {
            Collections.swap(remaining, i, random.nextInt(i + 1));
        }
        remaining.sort(Comparator.comparing(candidate -> candidate.weight() > 0));
        while (!remaining.isEmpty()) {
            long total = remaining.stream().mapToLong(SrvCandidate::weight).sum();
            long pick = random.nextLong(total + 1);
            long running = 0;
            for (int i = 0; i < remaining.size(); i++) {
                running += remaining.get(i).weight();
                if (running >= pick) {
                    into.add(remaining.remove(i).target());
                    break;
                }
            }
        }
    }
}
