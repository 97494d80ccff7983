package dev.parley.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import dev.parley.infrastructure.security.SecretSealer.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTest {

    @TempDir
    Path dir;

    @Test
    void sealedSecretOpensWithTheSameKeyFileOnly() throws Exception {
        Path keyFile = dir.resolve("parley/secret.key");
        String sealed = new SecretSealer(keyFile).seal("proxy-pässword", Purpose.PROXY_PASSWORD);

        assertThat(sealed).startsWith("v2:").doesNotContain("proxy");
        assertThat(new SecretSealer(keyFile).open(sealed, Purpose.PROXY_PASSWORD)).isEqualTo("proxy-pässword");
        assertThatThrownBy(() -> new SecretSealer(dir.resolve("other.key")).open(sealed, Purpose.PROXY_PASSWORD))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretOpensOnlyForThePurposeItWasSealedFor() {
        SecretSealer sealer = new SecretSealer(dir.resolve("secret.key"));
        String key = sealer.seal("-----BEGIN PRIVATE KEY-----", Purpose.SERVER_CREDENTIAL);

        assertThatThrownBy(() -> sealer.open(key, Purpose.PROXY_PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The secret cannot be opened as a PROXY_PASSWORD");
        assertThat(sealer.open(key, Purpose.SERVER_CREDENTIAL)).isEqualTo("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void proxyPasswordsSealedBeforePurposesStillOpenAsSuchOnly() throws Exception {
        Path keyFile = dir.resolve("secret.key");
        SecretSealer sealer = new SecretSealer(keyFile);
        String legacy = sealedAsVersion1(keyFile, "old-password");

        assertThat(sealer.open(legacy, Purpose.PROXY_PASSWORD)).isEqualTo("old-password");
        assertThatThrownBy(() -> sealer.open(legacy, Purpose.SERVER_CREDENTIAL))
                .isInstanceOf(IllegalArgumentException.class);
        // A secret bound to a purpose cannot pass for a version-1 one either.
        String relabelled = "v1:" + sealer.seal("new", Purpose.PROXY_PASSWORD).substring(3);
        assertThatThrownBy(() -> sealer.open(relabelled, Purpose.PROXY_PASSWORD)).isInstanceOf(IllegalStateException.class);
    }

    /** A secret as version 1 sealed it: AES-256-GCM, a 12-byte nonce before the cipher text, no associated data. */
    private static String sealedAsVersion1(Path keyFile, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Files.readAllBytes(keyFile), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
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

        assertThat(sealer.seal("x", Purpose.PROXY_PASSWORD)).isNotEqualTo(sealer.seal("x", Purpose.PROXY_PASSWORD));
    }
}
