package dev.parley.xmpp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SrvOrderingTest {

    private static final int DRAWS = 2_000;

    private final Random random = new Random(4711);

    @Test
    void triesLowerPriorityValuesFirstWhateverTheirWeight() {
        List<SrvCandidate> candidates = List.of(candidate("late", 20, 1000), candidate("early", 10, 0),
                candidate("middle", 15, 1));

        for (int i = 0; i < 50; i++) {
            assertThat(SrvOrdering.order(candidates, random)).extracting(S2sTarget::host)
                    .containsExactly("early", "middle", "late");
        }
    }

    @Test
    void putsTargetsFirstInProportionToTheirWeight() {
        List<SrvCandidate> candidates = List.of(candidate("heavy", 10, 75), candidate("light", 10, 25));

        double heavyFirst = shareFirst("heavy", candidates);

        assertThat(heavyFirst).isBetween(0.70, 0.80);
    }

    @Test
    void givesZeroWeightTargetsOnlyTheChanceOfDrawingZero() {
        // RFC 2782: weight 0 sorts to the front of the draw, so it wins only when the draw is 0: 1 in 10 here.
        List<SrvCandidate> candidates = List.of(candidate("weighted", 10, 9), candidate("zero", 10, 0));

        double zeroFirst = shareFirst("zero", candidates);

        assertThat(zeroFirst).isBetween(0.07, 0.13);
    }

    @Test
    void shufflesTargetsThatAllWeighZero() {
        List<SrvCandidate> candidates = List.of(candidate("a", 10, 0), candidate("b", 10, 0), candidate("c", 10, 0));

        assertThat(shareFirst("a", candidates)).isBetween(0.28, 0.39);
        assertThat(shareFirst("c", candidates)).isBetween(0.28, 0.39);
    }

    @Test
    void keepsEveryTargetExactlyOnce() {
        List<SrvCandidate> candidates = List.of(candidate("a", 1, 0), candidate("b", 1, 5), candidate("c", 2, 7),
                candidate("d", 2, 0), candidate("e", 1, 65_535));

        assertThat(SrvOrdering.order(candidates, random)).extracting(S2sTarget::host)
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    private double shareFirst(String host, List<SrvCandidate> candidates) {
        int first = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (SrvOrdering.order(candidates, random).get(0).host().equals(host)) {
                first++;
            }
        }
        return (double) first / DRAWS;
    }

    private static SrvCandidate candidate(String host, int priority, int weight) {
        return new SrvCandidate(new S2sTarget(host, 5269, false), priority, weight);
    }
}
