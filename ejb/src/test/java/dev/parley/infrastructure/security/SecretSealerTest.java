package dev.parley.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTest {

    @TempDir
    Path dir;

    @Test
    void sealedSecretOpensWithTheSameKeyFileOnly() throws Exception {
        Path keyFile = dir.resolve("parley/secret.key");
        String sealed = new SecretSealer(keyFile).seal("proxy-pässword");

        assertThat(sealed).startsWith("v1:").doesNotContain("proxy");
        assertThat(new SecretSealer(keyFile).open(sealed)).isEqualTo("proxy-pässword");
        assertThatThrownBy(() -> new SecretSealer(dir.resolve("other.key")).open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyFileIsReadableByItsOwnerOnly() throws Exception {
        Path keyFile = dir.resolve("secret.key");
        new SecretSealer(keyFile);

        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.size(keyFile)).isEqualTo(32);
    }

    @Test
    void sameSecretSealsDifferentlyEachTime() {
        SecretSealer sealer = new SecretSealer(dir.resolve("secret.key"));

        assertThat(sealer.seal("x")).isNotEqualTo(sealer.seal("x"));
    }
}
