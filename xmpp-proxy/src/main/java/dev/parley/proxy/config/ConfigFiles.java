package dev.parley.proxy.config;

import dev.parley.xmpp.component.ComponentSecret;
import dev.parley.xmpp.tls.Certificates;
import dev.parley.xmpp.tls.CredentialLoadException;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServerCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the files the configuration names (the link secret, keys, certificates, a key store's password) and turns
 * what is wrong with them into problems under their keys. No problem quotes a secret, a password or a key.
 */
final class ConfigFiles {

    /** Long enough that guessing the link secret over the network is hopeless, short enough to generate and paste. */
    static final int LINK_SECRET_MIN_LENGTH = 16;

    private ConfigFiles() {
    }

    /** The link secret: the first line of the file, trimmed, at least {@link #LINK_SECRET_MIN_LENGTH} characters. */
    static Optional<ComponentSecret> linkSecret(Settings settings) {
        Optional<Path> file = settings.required(Keys.LINK_SECRET_FILE, settings::resolve);
        Optional<String> line = file.flatMap(path -> firstLine(settings, Keys.LINK_SECRET_FILE, path))
                .map(String::trim);
        if (line.isPresent() && line.get().length() < LINK_SECRET_MIN_LENGTH) {
            // Neither the secret nor its length: the length narrows down a short secret further.
            settings.problem(Keys.LINK_SECRET_FILE, "the secret (the first line of " + file.orElseThrow()
                    + ") must be at least " + LINK_SECRET_MIN_LENGTH
                    + " characters long; generate one with: openssl rand -base64 24");
            return Optional.empty();
        }
        return line.map(ComponentSecret::new);
    }

    /** A PEM certificate chain and PEM private key, named by two keys that come together or not at all. */
    static Optional<ServerCredential> pem(Settings settings, String certificateKey, String keyKey) {
        Optional<Path> certificate = settings.path(certificateKey);
        Optional<Path> key = settings.path(keyKey);
        if (!bothOrNeither(settings, certificateKey, keyKey) || certificate.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        // Not && : both files are checked, so that both problems are reported.
        if (!(settings.readable(certificateKey, certificate.get()) & settings.readable(keyKey, key.get()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerCredentials.fromPem(key.get(), certificate.get()));
        } catch (CredentialLoadException e) {
            settings.problem(certificateKey + " + " + keyKey, e.getMessage());
            return Optional.empty();
        }
    }

    /** The S2S credential: a PEM pair or a PKCS#12 key store with its password file, either or none, not both. */
    static Optional<ServerCredential> s2s(Settings settings) {
        boolean pem = settings.has(Keys.S2S_CERTIFICATE) || settings.has(Keys.S2S_KEY);
        boolean pkcs12 = settings.has(Keys.S2S_KEYSTORE) || settings.has(Keys.S2S_KEYSTORE_PASSWORD_FILE);
        if (pem && pkcs12) {
            settings.problem(Keys.S2S_KEYSTORE, "give the S2S certificate either as PEM (" + Keys.S2S_CERTIFICATE
                    + ", " + Keys.S2S_KEY + ") or as PKCS#12 (" + Keys.S2S_KEYSTORE + ", "
                    + Keys.S2S_KEYSTORE_PASSWORD_FILE + "), not both");
            return Optional.empty();
        }
        return pkcs12 ? pkcs12(settings) : pem(settings, Keys.S2S_CERTIFICATE, Keys.S2S_KEY);
    }

    /** The CA certificates of a PEM file, none when the key is absent. */
    static List<X509Certificate> trustedCas(Settings settings) {
        Optional<Path> file = settings.path(Keys.S2S_TRUSTED_CAS);
        if (file.isEmpty() || !settings.readable(Keys.S2S_TRUSTED_CAS, file.get())) {
            return List.of();
        }
        try {
            return Certificates.parsePem(Files.readString(file.get(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            settings.problem(Keys.S2S_TRUSTED_CAS, Settings.unreadable(file.get(), e));
        } catch (CredentialLoadException e) {
            settings.problem(Keys.S2S_TRUSTED_CAS, file.get() + ": " + e.getMessage());
        }
        return List.of();
    }

    private static Optional<ServerCredential> pkcs12(Settings settings) {
        Optional<Path> keystore = settings.path(Keys.S2S_KEYSTORE);
        Optional<Path> passwordFile = settings.path(Keys.S2S_KEYSTORE_PASSWORD_FILE);
        if (!bothOrNeither(settings, Keys.S2S_KEYSTORE, Keys.S2S_KEYSTORE_PASSWORD_FILE) || keystore.isEmpty()
                || passwordFile.isEmpty()) {
            return Optional.empty();
        }
        boolean readable = settings.readable(Keys.S2S_KEYSTORE, keystore.get());
        // The password as written, spaces included: unlike the link secret it was not chosen for this file.
        Optional<String> password = firstLine(settings, Keys.S2S_KEYSTORE_PASSWORD_FILE, passwordFile.get());
        if (!readable || password.isEmpty()) {
            return Optional.empty();
        }
        char[] characters = password.get().toCharArray();
        try {
            return Optional.of(ServerCredentials.fromPkcs12(keystore.get(), characters));
        } catch (CredentialLoadException e) {
            settings.problem(Keys.S2S_KEYSTORE, e.getMessage());
            return Optional.empty();
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    /** Whether both keys are given or neither; one without the other is a problem under the missing one. */
    private static boolean bothOrNeither(Settings settings, String first, String second) {
        if (settings.has(first) == settings.has(second)) {
            return true;
        }
        String missing = settings.has(first) ? second : first;
        String given = settings.has(first) ? first : second;
        settings.problem(missing, "required with " + given);
        return false;
    }

    /** The first line of {@code file} (empty text for an empty file), or empty when it cannot be read (a problem). */
    private static Optional<String> firstLine(Settings settings, String key, Path file) {
        if (!settings.readable(key, file)) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return Optional.of(line == null ? "" : line);
        } catch (CharacterCodingException e) {
            settings.problem(key, file + " is not UTF-8 text");
        } catch (IOException e) {
            settings.problem(key, Settings.unreadable(file, e));
        }
        return Optional.empty();
    }
}
