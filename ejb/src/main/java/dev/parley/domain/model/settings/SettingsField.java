package dev.parley.domain.model.settings;

/** The settings an administrator sets, each of which a problem may be about. */
public enum SettingsField {
    ENABLED,
    MODE,
    S2S_PORT,
    S2S_BIND_ADDRESS,
    PROXY_HOST,
    PROXY_PORT,
    PROXY_PASSWORD,
    TLS_POLICY,
    MAX_LEVEL,
    OUTBOUND_RETRY_WINDOW
}
