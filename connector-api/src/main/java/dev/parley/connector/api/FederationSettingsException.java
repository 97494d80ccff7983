package dev.parley.connector.api;

import jakarta.resource.ResourceException;

/** Settings that could not be applied to the engine; the message says why, for an administrator. */
public class FederationSettingsException extends ResourceException {

    private static final long serialVersionUID = 1L;

    public FederationSettingsException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
