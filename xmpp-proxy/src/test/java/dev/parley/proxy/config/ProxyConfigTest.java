package dev.parley.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proxy.logging.LogFormat;
import dev.parley.xmpp.dns.ResolverConfig;
import dev.parley.xmpp.s2s.InboundLimits;
import dev.parley.xmpp.testing.TestPki;
import dev.parley.xmpp.tls.ServerCredential;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigTest {

    @TempDir
    Path folder;

    private ConfigFolder files() {
        return new ConfigFolder(folder);
    }

    @Test
    void loadsAFileWithTheDomainAndTheLinkSecretAlone() throws Exception {
        ProxyConfig config = files().load();

        assertThat(config.domain()).isEqualTo("example.com");
        assertThat(config.link().secret().value()).isEqualTo(ConfigFolder.SECRET);
    }

    @Test
    void appliesEveryDefault() throws Exception {
        ProxyConfig config = files().load();

        assertThat(config.link().bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.link().port()).isEqualTo(5275);
        assertThat(config.link().tls()).isEmpty();
        assertThat(config.link().maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.s2s().bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.s2s().port()).isEqualTo(5269);
        assertThat(config.s2s().directTlsPort()).isEmpty();
        assertThat(config.s2s().credential()).isEmpty();
        assertThat(config.s2s().trustedCas()).isEmpty();
        assertThat(config.s2s().inbound()).isEqualTo(InboundLimits.DEFAULTS);
        assertThat(config.s2s().privateFederation()).as("private federation off").isFalse();
        assertThat(config.dns()).isEqualTo(ResolverConfig.systemDefault());
        assertThat(config.health()).contains(new InetSocketAddress("127.0.0.1", 5280));
        assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void aKeyWithABlankValueMeansItsDefault() throws Exception {
        ProxyConfig config = files().load("link.port=", "s2s.bind=   ", "dns.servers=");

        assertThat(config.link().port()).isEqualTo(5275);
        assertThat(config.s2s().bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.dns().usesSystemServers()).isTrue();
    }

    @Test
    void writesTheDomainInCanonicalForm() throws Exception {
        ConfigFolder files = files();
        files.minimal();

        ProxyConfig config = ProxyConfig.load(files.config("domain = Bücher.Example.", "link.secret-file=link.secret"));

        assertThat(config.domain()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void readsEveryKey() throws Exception {
        ConfigFolder files = files();
        TestPki ca = TestPki.create("Proxy Test CA");
        ServerCredential link = ca.leaf("proxy.dmz.example").dns("proxy.dmz.example").issue();
        ServerCredential s2s = ca.leaf("example.com").dns("example.com").xmppAddr("example.com").issue();
        TestPki partner = TestPki.create("Partner CA");
        files.pem("link", link);
        files.pem("s2s", s2s);
        files.write("cas.pem", dev.parley.xmpp.tls.Certificates.toPem(List.of(partner.certificate(), ca.certificate())));

        ProxyConfig config = files.load(
                "link.bind=::1", "link.port=15275", "link.tls.certificate=link-chain.pem", "link.tls.key=link-key.pem",
                "link.wait-seconds=120", "s2s.bind=0.0.0.0", "s2s.port=15269", "s2s.direct-tls-port=15270",
                "s2s.certificate=s2s-chain.pem", "s2s.key=s2s-key.pem", "s2s.trusted-cas=cas.pem",
                "s2s.connections-per-address=300", "s2s.private-federation=true", "dns.servers=192.0.2.53, [2001:db8::53]:5353", "health.bind=127.0.0.2", "health.port=0",
                "log.format=json");

        assertThat(config.link().bind().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(config.link().port()).isEqualTo(15275);
        assertThat(config.link().tls()).contains(link);
        assertThat(config.link().maxWait()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.s2s().bind().isAnyLocalAddress()).isTrue();
        assertThat(config.s2s().port()).isEqualTo(15269);
        assertThat(config.s2s().directTlsPort()).isEqualTo(OptionalInt.of(15270));
        assertThat(config.s2s().credential()).contains(s2s);
        assertThat(config.s2s().trustedCas()).containsExactly(partner.certificate(), ca.certificate());
        assertThat(config.s2s().inbound().connectionsPerAddress()).isEqualTo(300);
        assertThat(config.s2s().privateFederation()).isTrue();
        assertThat(config.dns().servers()).containsExactly(new InetSocketAddress("192.0.2.53", 53),
                new InetSocketAddress("2001:db8::53", 5353));
        assertThat(config.dns().timeout()).isEqualTo(ResolverConfig.DEFAULT_TIMEOUT);
        assertThat(config.health()).contains(new InetSocketAddress("127.0.0.2", 0));
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void readsTheS2sCertificateFromAPkcs12KeyStore() throws Exception {
        ConfigFolder files = files();
        ServerCredential s2s = TestPki.create("Proxy Test CA").leaf("example.com").dns("example.com").issue();
        files.pkcs12("s2s.p12", s2s, " pass word ");
        files.write("s2s.p12.password", " pass word \n");

        ProxyConfig config = files.load("s2s.keystore=s2s.p12", "s2s.keystore.password-file=s2s.p12.password");

        assertThat(config.s2s().credential()).contains(s2s);
    }

    @Test
    void healthPortOffMeansNoEndpoint() throws Exception {
        assertThat(files().load("health.port=off").health()).isEmpty();
        assertThat(files().load("health.port=OFF").health()).isEmpty();
    }

    @Test
    void takesRelativePathsFromTheConfigurationFilesFolderNotTheWorkingDirectory() throws Exception {
        ConfigFolder files = files();
        files.write("etc/secrets/link", "  " + ConfigFolder.SECRET + "  \nsecond line ignored\n");
        ServerCredential link = TestPki.create("Proxy Test CA").leaf("proxy.dmz.example").issue();
        files.pem("keys/link", link);
        Path config = files.write("etc/proxy.properties", String.join("\n", "domain=example.com",
                "link.secret-file=secrets/link",
                "link.tls.certificate=../keys/link-chain.pem",
                "link.tls.key=" + folder.resolve("keys/link-key.pem")));
        Path relativeToWorkingDirectory = Path.of("").toAbsolutePath().relativize(config);

        ProxyConfig loaded = ProxyConfig.load(relativeToWorkingDirectory);

        assertThat(loaded.link().secret().value()).isEqualTo(ConfigFolder.SECRET);
        assertThat(loaded.link().tls()).contains(link);
    }
}
