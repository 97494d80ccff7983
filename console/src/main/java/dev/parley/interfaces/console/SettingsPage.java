package dev.parley.interfaces.console;

import dev.parley.application.CertificateService;
import dev.parley.application.FederationOverview;
import dev.parley.application.FederationSettingsService;
import dev.parley.application.FederationStatusService;
import dev.parley.application.ServerAddresses;
import dev.parley.application.ServerAddresses.ServerAddress;
import dev.parley.domain.model.authorization.AuthorizationLevel;
import dev.parley.domain.model.certificate.CertificateInfo;
import dev.parley.domain.model.settings.FederationMode;
import dev.parley.domain.model.settings.InvalidSettingsException;
import dev.parley.domain.model.settings.SettingsChange;
import dev.parley.domain.model.settings.SettingsField;
import dev.parley.domain.model.settings.SettingsProblem;
import dev.parley.domain.model.settings.SettingsSnapshot;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.tls.TlsPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The federation settings page: the form of every setting, filled with the stored values; saving applies them to the
 * engine at once (through the same service as {@code PUT /api/admin/settings}) and shows what the engine now does.
 */
@Named
@RequestScoped
public class SettingsPage {

    /** The standard S2S port (RFC 6120), what the port field's Default button sets. */
    public static final int DEFAULT_S2S_PORT = 5269;
    /** The standard port of the Parley XMPP Proxy's link, what the proxy port field's Default button sets. */
    public static final int DEFAULT_PROXY_PORT = 5275;

    /** The form's client ids, for messages next to the field they are about. */
    private static final Map<SettingsField, String> FIELD_IDS = Map.of(
            SettingsField.ENABLED, "settings:enabled",
            SettingsField.MODE, "settings:mode",
            SettingsField.S2S_PORT, "settings:s2sPort",
            SettingsField.S2S_BIND_ADDRESS, "settings:s2sBindAddress",
            SettingsField.PROXY_HOST, "settings:proxyHost",
            SettingsField.PROXY_PORT, "settings:proxyPort",
            SettingsField.PROXY_PASSWORD, "settings:proxyPassword",
            SettingsField.TLS_POLICY, "settings:tlsPolicy",
            SettingsField.MAX_LEVEL, "settings:maxLevel",
            SettingsField.OUTBOUND_RETRY_WINDOW, "settings:outboundRetryWindow");

    @Inject
    FederationSettingsService settingsService;

    @Inject
    FederationStatusService statusService;

    @Inject
    ServerAddresses serverAddresses;

    @Inject
    CertificateService certificates;

    @Inject
    Administrator administrator;

    private SettingsSnapshot stored;
    /** Read once a request: the page asks for both more than once while it renders. */
    private FederationOverview overview;
    private List<ServerAddress> bindAddresses;
    private boolean enabled;
    private FederationMode mode;
    private Integer s2sPort;
    private String s2sBindAddress;
    private String otherBindAddress;
    private String proxyHost;
    private Integer proxyPort;
    private String proxyPassword;
    private boolean proxyTls;
    private boolean privateFederation;
    private TlsPolicy tlsPolicy;
    private AuthorizationLevel maxLevel;
    private Integer outboundRetryWindow;

    @PostConstruct
    void load() {
        stored = settingsService.current();
        enabled = stored.enabled();
        mode = stored.mode();
        s2sPort = stored.s2sPort();
        s2sBindAddress = stored.s2sBindAddress();
        proxyHost = stored.proxyHost();
        proxyPort = stored.proxyPort();
        proxyTls = stored.proxyTls();
        privateFederation = stored.privateFederation();
        tlsPolicy = stored.tlsPolicy();
        maxLevel = stored.maxLevel();
        outboundRetryWindow = stored.outboundRetryWindowSeconds();
    }

    /** Stores and applies the form; stays on the page with every problem next to its field when that fails. */
    public String save() {
        String bindAddress = otherBindAddress == null || otherBindAddress.isBlank() ? s2sBindAddress : otherBindAddress.trim();
        // An empty password field keeps the stored password: it is never sent to the page, so it cannot come back.
        String password = proxyPassword == null || proxyPassword.isEmpty() ? null : proxyPassword;
        SettingsChange change = new SettingsChange(enabled, mode, s2sPort, bindAddress, proxyHost, proxyPort, password,
                tlsPolicy, maxLevel, outboundRetryWindow, proxyTls, privateFederation);
        try {
            settingsService.update(change, administrator.getName());
        } catch (InvalidSettingsException e) {
            for (SettingsProblem problem : e.settingsProblems()) {
                Messages.problem(problem.field().map(FIELD_IDS::get).orElse(null), problem.text());
            }
            return null;
        }
        Messages.done("Settings saved and applied.");
        return "/settings.xhtml?faces-redirect=true";
    }

    /** What federation does now, in one sentence. */
    public String getEngineStatus() {
        return EngineStatusText.describe(overview(), stored);
    }

    /** Whether the engine failed to do what the stored settings ask. */
    public boolean isEngineFailed() {
        return "FAILED".equals(overview().state());
    }

    /** The engine as this request found it, asked once. */
    private FederationOverview overview() {
        if (overview == null) {
            overview = statusService.overview();
        }
        return overview;
    }

    /** This machine's addresses, and the stored one where it is none of them (it is kept until changed). */
    public List<ServerAddress> getBindAddresses() {
        if (bindAddresses == null) {
            List<ServerAddress> addresses = new ArrayList<>(serverAddresses.bindable());
            boolean listed = addresses.stream().anyMatch(a -> sameAddress(a.address(), stored.s2sBindAddress()));
            if (!listed) {
                addresses.add(new ServerAddress(stored.s2sBindAddress(), "the stored setting, not found on this machine"));
            }
            bindAddresses = List.copyOf(addresses);
        }
        return bindAddresses;
    }

    /** The list's entry for the stored address, which the JDK may spell differently ({@code ::1}, {@code 0:0:…:1}). */
    public String getS2sBindAddress() {
        return getBindAddresses().stream().map(ServerAddress::address).filter(a -> sameAddress(a, s2sBindAddress))
                .findFirst().orElse(s2sBindAddress);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return IpAddressLiteral.parse(a).equals(IpAddressLiteral.parse(b));
        } catch (IllegalArgumentException notAnAddress) {
            return a.equals(b);
        }
    }

    public List<TlsChoice> getTlsPolicies() {
        return List.of(
                new TlsChoice(TlsPolicy.NONE, "No TLS",
                        "Streams stay unencrypted even where the other server offers TLS; for tests only."),
                new TlsChoice(TlsPolicy.OPTIONAL, "TLS where possible",
                        "TLS whenever both servers can, plaintext otherwise; the other server is proven by dialback."),
                new TlsChoice(TlsPolicy.REQUIRED_IGNORE_CERT_ERRORS, "TLS required, certificate errors ignored",
                        "TLS or no connection; a self-signed or expired certificate is accepted and the other server's"
                                + " domain is proven by dialback."),
                new TlsChoice(TlsPolicy.REQUIRED_VALID_CERT, "TLS required with a valid certificate",
                        "TLS with a valid, trusted certificate that names the other server's domain, or no connection."));
    }

    /** One TLS policy as the page offers it: a short label and one sentence on what it does. */
    public record TlsChoice(TlsPolicy policy, String label, String explanation) {
    }

    public AuthorizationLevel[] getLevels() {
        return AuthorizationLevel.values();
    }

    /** The certificate presented to XMPP peers: the XMPP one, or the SIP one in its place. */
    public Optional<CertificateInfo> getCertificate() {
        return certificates.presented().flatMap(certificates::current);
    }

    public SettingsSnapshot getStored() {
        return stored;
    }

    public int getDefaultS2sPort() {
        return DEFAULT_S2S_PORT;
    }

    public int getDefaultProxyPort() {
        return DEFAULT_PROXY_PORT;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public FederationMode getMode() {
        return mode;
    }

    public void setMode(FederationMode mode) {
        this.mode = mode;
    }

    public Integer getS2sPort() {
        return s2sPort;
    }

    public void setS2sPort(Integer s2sPort) {
        this.s2sPort = s2sPort;
    }

    public void setS2sBindAddress(String s2sBindAddress) {
        this.s2sBindAddress = s2sBindAddress;
    }

    public String getOtherBindAddress() {
        return otherBindAddress;
    }

    public void setOtherBindAddress(String otherBindAddress) {
        this.otherBindAddress = otherBindAddress;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public boolean isProxyTls() {
        return proxyTls;
    }

    public void setProxyTls(boolean proxyTls) {
        this.proxyTls = proxyTls;
    }

    public boolean isPrivateFederation() {
        return privateFederation;
    }

    public void setPrivateFederation(boolean privateFederation) {
        this.privateFederation = privateFederation;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** Always empty: the stored password never goes to the page. */
    public String getProxyPassword() {
        return null;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public TlsPolicy getTlsPolicy() {
        return tlsPolicy;
    }

    public void setTlsPolicy(TlsPolicy tlsPolicy) {
        this.tlsPolicy = tlsPolicy;
    }

    public AuthorizationLevel getMaxLevel() {
        return maxLevel;
    }

    public void setMaxLevel(AuthorizationLevel maxLevel) {
        this.maxLevel = maxLevel;
    }

    public Integer getOutboundRetryWindow() {
        return outboundRetryWindow;
    }

    public void setOutboundRetryWindow(Integer outboundRetryWindow) {
        this.outboundRetryWindow = outboundRetryWindow;
    }
}
