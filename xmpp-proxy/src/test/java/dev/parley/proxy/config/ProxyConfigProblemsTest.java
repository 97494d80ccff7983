package dev.parley.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigProblemsTest {

    @TempDir
    Path folder;

    private ConfigFolder files() {
        return new ConfigFolder(folder);
    }

    @Test
    void requiresTheDomainAndTheLinkSecretFile() {
        assertThat(files().problemsOf("# nothing but a comment"))
                .containsExactly("domain: required", "link.secret-file: required");
    }

    @Test
    void refusesADomainThatIsNoXmppDomain() {
        ConfigFolder files = files();
        files.minimal();

        assertThat(files.problemsOf("domain=exa mple.com", "link.secret-file=link.secret"))
                .singleElement().asString().startsWith("domain: invalid domainpart 'exa mple.com'");
    }

    @Test
    void refusesPortsOutsideOneTo65535() {
        assertThat(files().problems("link.port=abc", "s2s.port=0", "s2s.direct-tls-port=65536")).containsExactly(
                "link.port: must be a number from 1 to 65535, not 'abc'",
                "s2s.port: must be a number from 1 to 65535, not '0'",
                "s2s.direct-tls-port: must be a number from 1 to 65535, not '65536'");
    }

    @Test
    void refusesAPrivateFederationSwitchThatIsNeitherTrueNorFalse() {
        assertThat(files().problems("s2s.private-federation=yes")).containsExactly(
                "s2s.private-federation: must be 'true' or 'false', not 'yes'");
    }

    @Test
    void refusesConnectionsPerAddressOutsideOneTo100000() {
        assertThat(files().problems("s2s.connections-per-address=0")).containsExactly(
                "s2s.connections-per-address: must be a number from 1 to 100000, not '0'");
        assertThat(files().problems("s2s.connections-per-address=lots")).containsExactly(
                "s2s.connections-per-address: must be a number from 1 to 100000, not 'lots'");
    }

    @Test
    void refusesALinkWaitOutsideOneSecondToTenMinutes() {
        assertThat(files().problems("link.wait-seconds=0")).containsExactly(
                "link.wait-seconds: must be a number of seconds from 1 to 600, not '0'");
        assertThat(files().problems("link.wait-seconds=1h")).containsExactly(
                "link.wait-seconds: must be a number of seconds from 1 to 600, not '1h'");
    }

    @Test
    void refusesHealthPortsThatAreNeitherANumberNorOff() {
        assertThat(files().problems("health.port=no")).containsExactly(
                "health.port: must be a number from 0 to 65535 (0: any free port) or 'off', not 'no'");
    }

    @Test
    void refusesHostNamesWhereAnAddressBelongs() {
        assertThat(files().problems("link.bind=localhost", "s2s.bind=999.1.1.1", "health.bind=proxy.example"))
                .containsExactly("link.bind: 'localhost' is not an IP address",
                        "s2s.bind: '999.1.1.1' is not an IP address",
                        "health.bind: 'proxy.example' is not an IP address");
    }

    @Test
    void refusesDnsServersGivenByName() {
        assertThat(files().problems("dns.servers=192.0.2.53, dns.example")).containsExactly(
                "dns.servers: DNS server 'dns.example' must be an IP address (optionally with :port), not a host name");
    }

    @Test
    void refusesUnknownLogFormats() {
        assertThat(files().problems("log.format=xml")).containsExactly("log.format: must be 'text' or 'json', not 'xml'");
    }

    @Test
    void refusesUnknownKeysSuggestingTheKeyMeant() {
        assertThat(files().problems("s2s.prot=5269", "colour=blue", "link.secret=not-here")).containsExactly(
                "colour: unknown key; the keys are listed in parley-xmpp-proxy.properties.example",
                "link.secret: unknown key (did you mean link.secret-file?)",
                "s2s.prot: unknown key (did you mean s2s.port?)");
    }

    @Test
    void suggestsNoKeyWhenSeveralBeginAlike() {
        assertThat(files().problems("link.tls=on")).containsExactly(
                "link.tls: unknown key; the keys are listed in parley-xmpp-proxy.properties.example");
    }

    @Test
    void refusesAnUnknownKeyEvenWithoutValue() {
        assertThat(files().problems("s2s.prot=")).containsExactly("s2s.prot: unknown key (did you mean s2s.port?)");
    }

    @Test
    void refusesAKeyGivenTwice() {
        assertThat(files().problems("link.port=5275", "link.port=5276")).containsExactly(
                "link.port: given more than once; say it once, since only the last one would count");
    }

    @Test
    void refusesTwoListenersOnOnePort() {
        assertThat(files().problems("link.port=5269")).containsExactly(
                "s2s.port: port 5269 is also link.port (on 127.0.0.1); each listener needs its own");
        assertThat(files().problems("s2s.bind=0.0.0.0", "health.port=5269")).containsExactly(
                "health.port: port 5269 is also s2s.port (on 0.0.0.0); each listener needs its own");
    }

    @Test
    void allowsOnePortOnDifferentAddresses() throws Exception {
        assertThat(files().load("link.port=5269", "link.bind=127.0.0.2").link().port()).isEqualTo(5269);
    }

    @Test
    void reportsNoClashForAValueThatWasRefused() {
        // link.bind is refused; the clash with its stand-in default would be a problem nobody wrote.
        assertThat(files().problems("link.bind=nowhere", "link.port=5269"))
                .containsExactly("link.bind: 'nowhere' is not an IP address");
    }

    @Test
    void refusesAMissingOrShortLinkSecret() {
        ConfigFolder files = files();
        files.write("short.secret", "tooShort\n");

        assertThat(files.problemsOf("domain=example.com", "link.secret-file=absent.secret"))
                .containsExactly("link.secret-file: no such file: " + folder.resolve("absent.secret"));
        assertThat(files.problemsOf("domain=example.com", "link.secret-file=short.secret")).containsExactly(
                "link.secret-file: the secret (the first line of " + folder.resolve("short.secret")
                        + ") must be at least 16 characters long; generate one with: openssl rand -base64 24");
    }

    @Test
    void refusesACertificateWithoutItsKeyAndKeysThatAreNoFiles() throws Exception {
        ConfigFolder files = files();
        Files.createDirectory(folder.resolve("a-folder"));

        assertThat(files.problems("link.tls.certificate=link-chain.pem", "s2s.key=s2s-key.pem",
                "s2s.trusted-cas=a-folder")).containsExactly(
                "link.tls.key: required with link.tls.certificate",
                "s2s.certificate: required with s2s.key",
                "s2s.trusted-cas: not a file: " + folder.resolve("a-folder"));
    }

    @Test
    void reportsBothMissingFilesOfAPair() {
        assertThat(files().problems("link.tls.certificate=chain.pem", "link.tls.key=key.pem")).containsExactly(
                "link.tls.certificate: no such file: " + folder.resolve("chain.pem"),
                "link.tls.key: no such file: " + folder.resolve("key.pem"));
    }

    @Test
    void refusesAKeyThatDoesNotMatchItsCertificate() {
        ConfigFolder files = files();
        TestPki ca = TestPki.create("Proxy Test CA");
        ServerCredential issued = ca.leaf("proxy.dmz.example").issue();
        ServerCredential other = ca.leaf("other.dmz.example").issue();
        files.write("chain.pem", Certificates.toPem(issued.chain()));
        files.write("key.pem", ServerCredentials.privateKeyPem(other.key()));

        assertThat(files.problems("link.tls.certificate=chain.pem", "link.tls.key=key.pem")).singleElement().asString()
                .startsWith("link.tls.certificate + link.tls.key: " + folder.resolve("key.pem") + ", "
                        + folder.resolve("chain.pem") + ": the private key does not match the certificate");
    }

    @Test
    void refusesBothFormsOfTheS2sCertificate() {
        assertThat(files().problems("s2s.certificate=chain.pem", "s2s.key=key.pem", "s2s.keystore=s2s.p12"))
                .containsExactly("s2s.keystore: give the S2S certificate either as PEM (s2s.certificate, s2s.key)"
                        + " or as PKCS#12 (s2s.keystore, s2s.keystore.password-file), not both");
    }

    @Test
    void refusesAKeyStoreWithoutItsPasswordOrWithTheWrongOne() {
        ConfigFolder files = files();
        files.pkcs12("s2s.p12", TestPki.create("Proxy Test CA").leaf("example.com").issue(), "right-password");
        files.write("wrong.password", "wrong-password\n");

        assertThat(files.problems("s2s.keystore=s2s.p12")).containsExactly(
                "s2s.keystore.password-file: required with s2s.keystore");
        assertThat(files.problems("s2s.keystore=s2s.p12", "s2s.keystore.password-file=wrong.password"))
                .containsExactly("s2s.keystore: " + folder.resolve("s2s.p12")
                        + ": the PKCS#12 key store cannot be opened: wrong password");
    }

    @Test
    void refusesTrustedCasThatAreNoCertificates() {
        ConfigFolder files = files();
        files.write("cas.pem", ServerCredentials.privateKeyPem(
                TestPki.create("Proxy Test CA").leaf("example.com").issue().key()));

        assertThat(files.problems("s2s.trusted-cas=cas.pem")).singleElement().asString()
                .startsWith("s2s.trusted-cas: " + folder.resolve("cas.pem") + ": the PEM text holds a PRIVATE KEY block");
    }

    @Test
    void reportsEveryProblemAtOnceOneALine() {
        ConfigFolder files = files();
        Path file = files.config("domain=", "link.port=abc", "log.format=xml", "helth.port=5280");

        assertThatThrownBy(() -> ProxyConfig.load(file)).isInstanceOf(ProxyConfigException.class).hasMessage(
                file + " has 5 problems:\n"
                        + "  domain: required\n"
                        + "  link.port: must be a number from 1 to 65535, not 'abc'\n"
                        + "  link.secret-file: required\n"
                        + "  log.format: must be 'text' or 'json', not 'xml'\n"
                        + "  helth.port: unknown key (did you mean health.port?)");
    }

    @Test
    void reportsAConfigurationFileThatCannotBeRead() throws Exception {
        Path absent = folder.resolve("absent.properties");
        Path latin1 = folder.resolve("latin1.properties");
        Files.write(latin1, "domain=b\u00fccher.example\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ProxyConfig.load(absent))
                .hasMessage(absent + " has 1 problem:\n  no such file: " + absent);
        assertThatThrownBy(() -> ProxyConfig.load(latin1))
                .hasMessage(latin1 + " has 1 problem:\n  the file is not UTF-8 text");
    }
}
