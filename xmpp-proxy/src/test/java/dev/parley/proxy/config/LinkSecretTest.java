package dev.parley.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkSecretTest {

    @TempDir
    Path folder;

    @Test
    void isNeverShownByToString() throws Exception {
        ProxyConfig config = new ConfigFolder(folder).load();

        assertThat(config.link().secret()).hasToString("ComponentSecret[***]");
        assertThat(config.link().toString()).doesNotContain(ConfigFolder.SECRET);
        assertThat(config.toString()).doesNotContain(ConfigFolder.SECRET);
    }

    @Test
    void aShortSecretIsNeverQuotedInTheProblem() {
        ConfigFolder files = new ConfigFolder(folder);
        files.write("short.secret", "Tr0ub4dor&3\n");

        assertThatThrownBy(() -> ProxyConfig.load(files.config("domain=example.com", "link.secret-file=short.secret")))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageContaining("link.secret-file: the secret")
                .hasMessageNotContaining("Tr0ub4dor");
    }

    @Test
    void aKeyStorePasswordIsNeverQuotedInTheProblem() {
        ConfigFolder files = new ConfigFolder(folder);
        files.pkcs12("s2s.p12", TestPki.create("Proxy Test CA").leaf("example.com").issue(), "right-password");
        files.write("wrong.password", "Wrong-Password-77\n");

        assertThat(files.problems("s2s.keystore=s2s.p12", "s2s.keystore.password-file=wrong.password"))
                .singleElement().asString().doesNotContain("Password-77").doesNotContain("right-password");
    }
}
