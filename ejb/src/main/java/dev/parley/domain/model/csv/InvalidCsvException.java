package dev.parley.domain.model.csv;

/** A text that is no CSV file of the kind expected: too large, without its header, a quote never closed. */
public class InvalidCsvException extends Exception {

    public InvalidCsvException(String message) {
        super(message);
    }
}
