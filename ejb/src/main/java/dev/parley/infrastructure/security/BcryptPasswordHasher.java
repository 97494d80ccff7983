package dev.parley.infrastructure.security;

import dev.parley.domain.model.user.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt in Modular Crypt Format ({@code $2a$cost$...}), the form the security realm's modular-crypt-mapper checks
 * sign-ins against (parley.cli). Cost 10 keeps a sign-in near 0.1 s on a small server.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    private static final int COST = 10;
    private static final int SALT_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, COST);
    }
}
