package dev.parley.domain.model.user;

/**
 * Turns a password into what is stored for signing in: a salted, slow hash in the form Parley's security realm
 * checks passwords against (Modular Crypt Format), never the password itself.
 */
public interface PasswordHasher {

    String hash(String password);
}
