package dev.parley.domain.model.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainPatternTest {

    @Test
    void canonicalisesCaseTrailingDotAndWhiteSpace() {
        assertThat(DomainPattern.parse("  Jabber.ORG. ").text()).isEqualTo("jabber.org");
        assertThat(DomainPattern.parse("*.Example.Com").text()).isEqualTo("*.example.com");
        assertThat(DomainPattern.parse("*.example.com")).isEqualTo(new DomainPattern("EXAMPLE.com", true));
    }

    @Test
    void internationalizedNamesBecomeALabels() {
        DomainPattern unicode = DomainPattern.parse("*.Bücher.example");

        assertThat(unicode.text()).isEqualTo("*.xn--bcher-kva.example");
        assertThat(unicode).isEqualTo(DomainPattern.parse("*.xn--bcher-kva.example"));
        assertThat(unicode.displayText()).isEqualTo("*.bücher.example");
        assertThat(DomainPattern.exact("münchen.example").text()).isEqualTo("xn--mnchen-3ya.example");
    }

    @Test
    void refusesEmptyPatterns() {
        for (String empty : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> DomainPattern.parse(empty))
                    .hasMessage("pattern is required: a domain such as example.com, or *.example.com for its subdomains");
        }
    }

    @Test
    void refusesABareStarThatWouldCoverEveryDomain() {
        assertThatThrownBy(() -> DomainPattern.parse("*")).hasMessageStartingWith("pattern '*' would cover every domain");
        assertThatThrownBy(() -> DomainPattern.parse("*.")).hasMessage(
                "pattern '*.' needs a domain after '*.', as in *.example.com");
    }

    @Test
    void refusesStarsAnywhereButTheWholeFirstLabel() {
        for (String inner : List.of("a.*.example.com", "*example.com", "ex*ample.com", "*.*.example.com", "**.example.com",
                "example.*", "example.com*")) {
            assertThatThrownBy(() -> DomainPattern.parse(inner)).as(inner)
                    .hasMessage("pattern '" + inner + "' may hold '*' only as its whole first label, as in *.example.com");
        }
    }

    @Test
    void refusesIpLiterals() {
        for (String ip : List.of("192.0.2.1", "[2001:db8::1]", "2001:db8::1", "*.192.0.2.1", "192.0.2.1.")) {
            assertThatThrownBy(() -> DomainPattern.parse(ip)).as(ip)
                    .hasMessage("pattern '" + ip + "' is an IP address; domain authorizations name domains");
        }
    }

    @Test
    void refusesNamesWithAnAllNumericLastLabel() {
        assertThatThrownBy(() -> DomainPattern.parse("*.2.1")).hasMessage(
                "pattern '*.2.1' is not a domain name: its last label '1' is all digits");
    }

    @Test
    void refusesInvalidDomainsWithTheRuleTheyBreak() {
        assertThatThrownBy(() -> DomainPattern.parse("*.exa mple.com"))
                .hasMessageStartingWith("pattern '*.exa mple.com' is not a valid domain: ");
        assertThatThrownBy(() -> DomainPattern.parse("example..com"))
                .hasMessageStartingWith("pattern 'example..com' is not a valid domain: ");
        assertThatThrownBy(() -> DomainPattern.parse("user@example.com"))
                .hasMessageStartingWith("pattern 'user@example.com' is not a valid domain: ");
        assertThatThrownBy(() -> DomainPattern.parse("*.-bad.example"))
                .hasMessageStartingWith("pattern '*.-bad.example' is not a valid domain: ");
    }

    @Test
    void refusesDomainsLongerThanDnsAllows() {
        String label = "a".repeat(63);
        String tooLong = String.join(".", label, label, label, label) + ".example"; // 4 * 64 + 7 = 263

        assertThatThrownBy(() -> DomainPattern.parse(tooLong)).hasMessageEndingWith(
                "names a domain of 263 characters; DNS names have at most 253");
        assertThat(DomainPattern.parse("*." + tooLong.substring(10)).text()).hasSize(DomainPattern.MAX_TEXT_LENGTH);
    }

    @Test
    void displayOrderKeepsADomainNextToItsWildcard() {
        List<DomainPattern> patterns = new ArrayList<>(List.of(DomainPattern.parse("*.example.com"),
                DomainPattern.parse("zulu.example"), DomainPattern.parse("example.com"), DomainPattern.parse("alpha.example")));

        patterns.sort(DomainPattern.DISPLAY_ORDER);

        assertThat(patterns).extracting(DomainPattern::text)
                .containsExactly("alpha.example", "example.com", "*.example.com", "zulu.example");
    }
}
