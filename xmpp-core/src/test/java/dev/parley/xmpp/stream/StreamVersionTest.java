package dev.parley.xmpp.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamVersionTest {

    @Test
    void parsesMajorAndMinorIgnoringLeadingZeros() {
        assertThat(StreamVersion.parse("1.0")).hasValue(StreamVersion.V1_0);
        assertThat(StreamVersion.parse("01.00")).hasValue(StreamVersion.V1_0);
        assertThat(StreamVersion.parse("2.13")).hasValue(new StreamVersion(2, 13));
    }

    @Test
    void rejectsWhatIsNotMajorDotMinor() {
        assertThat(StreamVersion.parse("1")).isEmpty();
        assertThat(StreamVersion.parse("1.0.0")).isEmpty();
        assertThat(StreamVersion.parse("one.zero")).isEmpty();
        assertThat(StreamVersion.parse("-1.0")).isEmpty();
        assertThat(StreamVersion.parse("99999999999.0")).isEmpty();
    }

    @Test
    void comparesNumericallyNotAlphabetically() {
        assertThat(new StreamVersion(1, 10)).isGreaterThan(new StreamVersion(1, 9));
        assertThat(new StreamVersion(2, 0)).isGreaterThan(new StreamVersion(1, 99));
        assertThat(StreamVersion.V1_0).hasToString("1.0");
    }
}
