package dev.parley.domain.model.certificate;

import java.util.List;

/** A certificate, key or CA that cannot be imported, with every reason; nothing of it was stored. */
public class InvalidCertificateException extends Exception {

    private final List<String> problems;

    public InvalidCertificateException(List<String> problems) {
        super("Invalid certificate: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidCertificateException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
