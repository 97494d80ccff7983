package dev.parley.infrastructure.security;

import dev.parley.application.OperatorAccounts;
import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the operator accounts from the properties realm's users file, {@value #FILE} in the server's configuration
 * folder, at every question: accounts are added there with WildFly's add-user tool while the server runs.
 */
@ApplicationScoped
public class PropertiesOperatorAccounts implements OperatorAccounts {

    static final String FILE = "parley-users.properties";

    @Override
    public boolean has(UserName name) {
        return names().stringPropertyNames().stream()
                .anyMatch(account -> UserName.problem(account).isEmpty() && UserName.of(account).equals(name));
    }

    private static Properties names() {
        Properties accounts = new Properties();
        Path file = Path.of(System.getProperty("jboss.server.config.dir", "."), FILE);
        try (InputStream in = Files.newInputStream(file)) {
            accounts.load(in);
        } catch (NoSuchFileException e) {
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the operator accounts in " + file, e);
        }
        return accounts;
    }
}
