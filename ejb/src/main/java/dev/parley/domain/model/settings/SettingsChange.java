package dev.parley.domain.model.settings;

import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.tls.TlsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The settings an administrator asks for, complete: every field but the proxy password must be
 * given. A null proxy password keeps the stored one, because the password is never shown and so
 * cannot be sent back unchanged.
 *
 * @param maxLevel                   the global maximum authorization level, which caps every domain's
 * @param outboundRetryWindowSeconds how long an outbound stanza for an unreachable domain keeps being retried
 *                                   before it bounces to its sender; 0 bounces at the first failure
 * @param proxyTls                   whether proxy mode's link runs inside TLS with the proxy's certificate checked;
 *                                   null (not given) keeps the stored choice, so that a client from before it never
 *                                   turns TLS off
 * @param privateFederation          whether remote servers may be reached at addresses that do not belong on the
 *                                   public internet (loopback, link-local, private networks: an intranet partner);
 *                                   null (not given) keeps the stored choice, off on a fresh install
 */
public record SettingsChange(
        Boolean enabled,
        FederationMode mode,
        Integer s2sPort,
        String s2sBindAddress,
        String proxyHost,
        Integer proxyPort,
        String proxyPassword,
        TlsPolicy tlsPolicy,
        AuthorizationLevel maxLevel,
        Integer outboundRetryWindowSeconds,
        Boolean proxyTls,
        Boolean privateFederation) {

    /** A week: the longest an outbound stanza may wait for its domain to become reachable. */
    public static final int MAX_OUTBOUND_RETRY_WINDOW_SECONDS = 604_800;
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    /**
     * Everything wrong with this change, one sentence each, empty when it can be applied.
     *
     * @param proxyPasswordStored whether a proxy password is already stored (proxy mode needs one)
     */
    public List<String> problems(boolean proxyPasswordStored) {
        return settingsProblems(proxyPasswordStored).stream().map(SettingsProblem::text).toList();
    }

    /**
     * As {@link #problems}, each with the setting it is about.
     *
     * @param proxyPasswordStored whether a proxy password is already stored (proxy mode needs one)
     */
    public List<SettingsProblem> settingsProblems(boolean proxyPasswordStored) {
        List<SettingsProblem> problems = new ArrayList<>();
        if (enabled == null) {
            problems.add(SettingsProblem.of(SettingsField.ENABLED, "enabled is required (true or false)"));
        }
        if (mode == null) {
            problems.add(SettingsProblem.of(SettingsField.MODE, "mode is required (DIRECT or PROXY)"));
        }
        if (tlsPolicy == null) {
            problems.add(SettingsProblem.of(SettingsField.TLS_POLICY,
                    "tlsPolicy is required (NONE, OPTIONAL, REQUIRED_IGNORE_CERT_ERRORS or REQUIRED_VALID_CERT)"));
        }
        if (maxLevel == null) {
            problems.add(SettingsProblem.of(SettingsField.MAX_LEVEL,
                    "maxLevel is required (BLOCKED, PUBLIC, BUSINESS, TEAM_MEMBER or PERSONAL)"));
        }
        if (outboundRetryWindowSeconds == null) {
            problems.add(SettingsProblem.of(SettingsField.OUTBOUND_RETRY_WINDOW,
                    "outboundRetryWindow is required (seconds, 0-" + MAX_OUTBOUND_RETRY_WINDOW_SECONDS + ")"));
        } else if (outboundRetryWindowSeconds < 0 || outboundRetryWindowSeconds > MAX_OUTBOUND_RETRY_WINDOW_SECONDS) {
            problems.add(SettingsProblem.of(SettingsField.OUTBOUND_RETRY_WINDOW,
                    "outboundRetryWindow must be between 0 and " + MAX_OUTBOUND_RETRY_WINDOW_SECONDS + " seconds, not "
                            + outboundRetryWindowSeconds));
        }
        checkPort(SettingsField.S2S_PORT, "s2sPort", s2sPort, problems);
        checkPort(SettingsField.PROXY_PORT, "proxyPort", proxyPort, problems);
        if (s2sBindAddress == null || s2sBindAddress.isBlank()) {
            problems.add(SettingsProblem.of(SettingsField.S2S_BIND_ADDRESS,
                    "s2sBindAddress is required (an IP address of this server, 0.0.0.0 or :: for all)"));
        } else {
            try {
                IpAddressLiteral.parse(s2sBindAddress);
            } catch (IllegalArgumentException e) {
                problems.add(SettingsProblem.of(SettingsField.S2S_BIND_ADDRESS, "s2sBindAddress: " + e.getMessage()));
            }
        }
        boolean hostGiven = proxyHost != null && !proxyHost.isBlank();
        if (hostGiven && !isHost(proxyHost.trim())) {
            problems.add(SettingsProblem.of(SettingsField.PROXY_HOST,
                    "proxyHost '" + proxyHost + "' is neither a host name nor an IP address"));
        }
        if (mode == FederationMode.PROXY) {
            if (!hostGiven) {
                problems.add(SettingsProblem.of(SettingsField.PROXY_HOST, "proxyHost is required in PROXY mode"));
            }
            boolean passwordAfterChange = proxyPassword == null ? proxyPasswordStored : !proxyPassword.isEmpty();
            if (!passwordAfterChange) {
                problems.add(SettingsProblem.of(SettingsField.PROXY_PASSWORD, "proxyPassword is required in PROXY mode"));
            }
        }
        return problems;
    }

    private static void checkPort(SettingsField field, String name, Integer port, List<SettingsProblem> problems) {
        if (port == null) {
            problems.add(SettingsProblem.of(field, name + " is required (1-65535)"));
        } else if (port < 1 || port > 65535) {
            problems.add(SettingsProblem.of(field, name + " must be between 1 and 65535, not " + port));
        }
    }

    private static boolean isHost(String host) {
        if (host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        if (DNS_NAME.matcher(host).matches()) {
            return true;
        }
        try {
            IpAddressLiteral.parse(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
