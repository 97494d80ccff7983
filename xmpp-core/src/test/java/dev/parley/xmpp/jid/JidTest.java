package dev.parley.xmpp.jid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 7622 addresses: the RFC's examples (§3.5), PRECIS mapping, IDN domains, IP literals and limits. */
class JidTest {

    @ParameterizedTest
    @ValueSource(strings = {"juliet@example.com", "juliet@example.com/foo", "juliet@example.com/foo bar",
            "juliet@example.com/foo@bar", "foo\\20bar@example.com", "fussball@example.com", "fußball@example.com",
            "π@example.com", "σ@example.com/foo", "ς@example.com/foo", "king@example.com/♚", "example.com",
            "example.com/foobar", "a.example.com/b@example.net"})
    void acceptsTheValidExamplesOfRfc7622AsTheyAreWritten(String text) {
        assertThat(Jid.parse(text)).hasToString(text);
    }

    @Test
    void acceptsTheUpperCaseSigmaExampleAsItsLowerCase() {
        assertThat(Jid.parse("Σ@example.com/foo")).isEqualTo(Jid.parse("σ@example.com/foo"));
        assertThat(Jid.parse("Σ@example.com/foo")).isNotEqualTo(Jid.parse("ς@example.com/foo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"juliet\"@example.com", "foo bar@example.com", "@example.com/", "henryⅣ@example.com",
            "♚@example.com", "juliet@", "/foobar"})
    void refusesTheInvalidExamplesOfRfc7622(String text) {
        assertThatThrownBy(() -> Jid.parse(text)).isInstanceOf(InvalidJidException.class);
    }

    @Test
    void splitsAtTheFirstSlashThenAtTheFirstAt() {
        Jid jid = Jid.parse("a.example.com/b@example.net/c");

        assertThat(jid.localpart()).isEmpty();
        assertThat(jid.domainpart()).isEqualTo("a.example.com");
        assertThat(jid.resourcepart()).hasValue("b@example.net/c");
    }

    @Test
    void foldsCaseAndWidthInTheLocalpartButNotInTheResourcepart() {
        Jid jid = Jid.parse("ＪＵＬＩＥＴ@Example.COM/Ｂａｌｃｏｎｙ");

        assertThat(jid.localpart()).hasValue("juliet");
        assertThat(jid.domainpart()).isEqualTo("example.com");
        assertThat(jid.resourcepart()).hasValue("Ｂａｌｃｏｎｙ");
        assertThat(jid).isEqualTo(Jid.parse("juliet@example.com/Ｂａｌｃｏｎｙ"))
                .isNotEqualTo(Jid.parse("juliet@example.com/Balcony"));
    }

    @Test
    void keepsTheSharpSDistinctFromSsAsRfc8265Does() {
        assertThat(Jid.parse("fußball@example.com")).isNotEqualTo(Jid.parse("fussball@example.com"));
    }

    @Test
    void normalisesTheResourcepartToNfcAndItsSpacesToAsciiSpace() {
        assertThat(Jid.parse("juliet@example.com/Re\u0301s\u3000x").resourcepart()).hasValue("Rés x");
    }

    @Test
    void comparesDomainsWithoutCaseOrTrailingDot() {
        assertThat(Jid.parse("juliet@Prosody.TEST.")).isEqualTo(Jid.parse("juliet@prosody.test"));
        assertThat(Jid.parse("juliet@Prosody.TEST.")).hasToString("juliet@prosody.test");
    }

    @Test
    void storesAnIdnDomainAsALabelsAndShowsItAsULabels() {
        Jid unicode = Jid.parse("anna@Bücher.example/Tablet");
        Jid ascii = Jid.parse("anna@xn--bcher-kva.example/Tablet");

        assertThat(unicode).isEqualTo(ascii);
        assertThat(unicode.domainpart()).isEqualTo("xn--bcher-kva.example");
        assertThat(unicode).hasToString("anna@xn--bcher-kva.example/Tablet");
        assertThat(ascii.toDisplayString()).isEqualTo("anna@bücher.example/Tablet");
    }

    @Test
    void putsAnInternationalizedDomainOnTheWireInULabelsAndLeavesTheRestAsItIs() {
        assertThat(Jid.onTheWire("anna@xn--bcher-kva.example/Tablet")).isEqualTo("anna@bücher.example/Tablet");
        assertThat(Jid.onTheWire("XN--BCHER-KVA.example")).isEqualTo("bücher.example");
        assertThat(Jid.onTheWire("bücher.example")).isEqualTo("bücher.example");
        assertThat(Jid.onTheWire("anna@prosody.test")).isEqualTo("anna@prosody.test");
        assertThat(Jid.onTheWire("a--b.example")).as("two hyphens, no A-label").isEqualTo("a--b.example");
        assertThat(Jid.onTheWire("@xn--bcher-kva.example")).as("no JID: left for the receiver to refuse")
                .isEqualTo("@xn--bcher-kva.example");
    }

    @Test
    void mapsIdeographicAndFullWidthFullStopsToDots() {
        assertThat(Jid.parse("juliet@example。com").domainpart()).isEqualTo("example.com");
        assertThat(Jid.parse("juliet@ｅｘａｍｐｌｅ．ｃｏｍ").domainpart()).isEqualTo("example.com");
    }

    @Test
    void refusesDomainsWhereIdna2003AndIdna2008Disagree() {
        assertThatThrownBy(() -> Jid.parse("anna@faß.de"))
                .isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("domainpart 'faß.de'").hasMessageContaining("U+00DF")
                .hasMessageContaining("A-label");
        assertThat(Jid.parse("anna@xn--fa-hia.de").domainpart()).isEqualTo("xn--fa-hia.de");
    }

    @Test
    void refusesSymbolsInDomainLabelsAsIdna2008Does() {
        assertThatThrownBy(() -> Jid.parse("king@♚.example"))
                .isInstanceOf(InvalidJidException.class).hasMessageContaining("U+265A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet@exa mple.com", "juliet@ex_ample.com", "juliet@-example.com", "juliet@example..com",
            "juliet@example.com..", "juliet@.", "juliet@[::1", "juliet@[127.0.0.1]", "juliet@[example.com]",
            "juliet@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example"})
    void refusesDomainpartsThatAreNoHostName(String text) {
        assertThatThrownBy(() -> Jid.parse(text)).isInstanceOf(InvalidJidException.class)
                .extracting(e -> ((InvalidJidException) e).part()).isEqualTo(JidPart.DOMAINPART);
    }

    @Test
    void acceptsIpLiteralsAndWritesIpv6AsRfc5952Does() {
        assertThat(Jid.parse("juliet@127.0.0.1").domainpart()).isEqualTo("127.0.0.1");
        assertThat(Jid.parse("juliet@[0:0:0:0:0:0:0:1]/x").domainpart()).isEqualTo("[::1]");
        assertThat(Jid.parse("[2001:DB8:0:0:1:0:0:1]").domainpart()).isEqualTo("[2001:db8::1:0:0:1]");
        assertThat(Jid.parse("[2001:db8:0:1:1:1:1:1]").domainpart()).isEqualTo("[2001:db8:0:1:1:1:1:1]");
    }

    @Test
    void refusesEmptyPartsWithTheirSeparators() {
        assertThatThrownBy(() -> Jid.parse("@example.com")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("localpart").hasMessageContaining("empty");
        assertThatThrownBy(() -> Jid.parse("example.com/")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("resourcepart").hasMessageContaining("empty");
        assertThatThrownBy(() -> Jid.parse("")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("domainpart").hasMessageContaining("empty");
    }

    @Test
    void namesThePartAndTheRuleOfASpaceInTheLocalpart() {
        assertThatThrownBy(() -> Jid.parse("foo bar@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid localpart 'foo bar': ")
                .hasMessageContaining("UsernameCaseMapped")
                .satisfies(e -> assertThat(((InvalidJidException) e).part()).isEqualTo(JidPart.LOCALPART));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a&b", "a'b", "a:b", "a<b", "a>b"})
    void refusesTheCharactersRfc7622ForbidsInLocalparts(String localpart) {
        assertThatThrownBy(() -> Jid.parse(localpart + "@example.com")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("RFC 7622 §3.3.1");
    }

    @Test
    void canonicalisesALocalpartAloneAsInAJid() {
        assertThat(Jid.canonicalLocalpart("Juliet")).isEqualTo("juliet");
        assertThat(Jid.canonicalLocalpart("Σ")).isEqualTo(Jid.parse("Σ@example.com").localpart().orElseThrow());
        assertThatThrownBy(() -> Jid.canonicalLocalpart("a@b")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("RFC 7622 §3.3.1");
        assertThatThrownBy(() -> Jid.canonicalLocalpart("")).isInstanceOf(InvalidJidException.class);
    }

    @Test
    void refusesControlCharactersAndShowsThemEscaped() {
        assertThatThrownBy(() -> Jid.parse("juliet@example.com/a\u0007b")).isInstanceOf(InvalidJidException.class)
                .hasMessageContaining("'aU+0007b'");
    }

    @Test
    void allowsEachPartUpTo1023BytesAndNoMore() {
        String local1023 = "a".repeat(1023);
        String resource1023 = "é".repeat(511) + "a";
        String domain1023 = ("a".repeat(63) + ".").repeat(15) + "a".repeat(61) + ".x";

        Jid longest = Jid.parse(local1023 + "@" + domain1023 + "/" + resource1023);

        assertThat(longest.domainpart()).hasSize(1023);
        assertThatThrownBy(() -> Jid.parse(local1023 + "a@example.com"))
                .hasMessageContaining("localpart").hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> Jid.parse("example.com/" + resource1023 + "a"))
                .hasMessageContaining("resourcepart").hasMessageContaining("1024 bytes");
        assertThatThrownBy(() -> Jid.parse(domain1023 + "x")).hasMessageContaining("domainpart")
                .hasMessageContaining("1024 bytes");
    }

    @Test
    void shortensOverlongPartsInItsMessage() {
        assertThatThrownBy(() -> Jid.parse("example.com/" + "r".repeat(5000)))
                .hasMessageContaining("'" + "r".repeat(64) + "'… (5000 bytes)")
                .hasMessageNotContaining("r".repeat(65));
    }

    @Test
    void derivesBareAndDomainJids() {
        Jid full = Jid.parse("Juliet@Example.com/Balcony");

        assertThat(full.asBareJid()).isEqualTo(Jid.parse("juliet@example.com")).hasToString("juliet@example.com");
        assertThat(full.domain()).isEqualTo(Jid.ofDomain("EXAMPLE.com")).hasToString("example.com");
        assertThat(full.domain().localpart()).isEmpty();
        assertThat(full.domain().resourcepart()).isEmpty();
    }

    @Test
    void canonicalisesWhatTheConstructorIsGiven() {
        assertThat(new Jid(Optional.of("Juliet"), "EXAMPLE.com.", Optional.of("x"))).isEqualTo(Jid.parse("juliet@example.com/x"));
        assertThatThrownBy(() -> new Jid(Optional.of("b@d"), "example.net", Optional.empty()))
                .isInstanceOf(InvalidJidException.class).hasMessageContaining("'@'");
    }
}
