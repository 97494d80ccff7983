package dev.parley.xmpp.stream;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIdsTest {

    @Test
    void generatesDistinct128BitHexIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(StreamIds.next());
        }

        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }
}
