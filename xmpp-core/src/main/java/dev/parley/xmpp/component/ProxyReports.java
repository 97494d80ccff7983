package dev.parley.xmpp.component;

import static dev.parley.xmpp.component.LinkElements.attribute;
import static dev.parley.xmpp.component.LinkElements.required;

import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.s2s.AuthMethod;
import dev.parley.xmpp.s2s.ConnectionFailure;
import dev.parley.xmpp.s2s.FederationEvent;
import dev.parley.xmpp.s2s.SessionDirection;
import dev.parley.xmpp.s2s.SessionInfo;
import dev.parley.xmpp.s2s.SessionState;
import dev.parley.xmpp.tls.CertificateSummary;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.xml.XmlAttribute;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlText;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Parley XMPP Proxy reports to Parley about the S2S streams it holds, so that Parley's status and audit trail
 * show them as if Parley held them: each {@link FederationEvent} as it happens ({@code <event/>}), and every few
 * seconds its open sessions and latest connection failures ({@code <status/>}, a {@link ProxyStatus}). Elements of
 * the link's own namespace, {@value ProxyPolicy#NAMESPACE}.
 */
final class ProxyReports {

    static final String EVENT = "event";
    static final String STATUS = "status";
    /** Parley's request to close one of the proxy's sessions, as an administrator asked. */
    static final String CLOSE_SESSION = "close-session";

    private ProxyReports() {
    }

    static boolean isEvent(XmlElement element) {
        return element.namespace().equals(ProxyPolicy.NAMESPACE) && element.name().equals(EVENT);
    }

    static boolean isStatus(XmlElement element) {
        return element.namespace().equals(ProxyPolicy.NAMESPACE) && element.name().equals(STATUS);
    }

    static boolean isCloseSession(XmlElement element) {
        return element.namespace().equals(ProxyPolicy.NAMESPACE) && element.name().equals(CLOSE_SESSION);
    }

    static XmlElement closeSession(String id) {
        return new XmlElement(CLOSE_SESSION, ProxyPolicy.NAMESPACE, List.of(attribute("id", id)), List.of());
    }

    static XmlElement event(FederationEvent event) {
        List<XmlAttribute> attributes = new ArrayList<>(List.of(attribute("at", event.at().toString()),
                attribute("kind", event.kind().name()), attribute("direction", event.direction().name()),
                attribute("local", event.localDomain()), attribute("remote", event.remoteDomain()),
                attribute("address", event.remoteAddress())));
        event.authMethod().ifPresent(method -> attributes.add(attribute("auth", method.name())));
        event.tls().ifPresent(tls -> attributes.add(attribute("tls", tls)));
        return new XmlElement(EVENT, ProxyPolicy.NAMESPACE, attributes, List.of(new XmlText(event.detail())));
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static FederationEvent readEvent(XmlElement element) {
        FederationEvent.Kind kind = FederationEvent.Kind.valueOf(required(element, "kind"));
        if (kind == FederationEvent.Kind.PROXY_LINK_UP || kind == FederationEvent.Kind.PROXY_LINK_DOWN) {
            // Those are Parley's to record about its own link, never the proxy's to report.
            throw new IllegalArgumentException("the proxy cannot report " + kind);
        }
        return new FederationEvent(instant(element, "at"), kind,
                SessionDirection.valueOf(required(element, "direction")), required(element, "local"),
                required(element, "remote"), required(element, "address"),
                element.attribute("auth").map(AuthMethod::valueOf), element.attribute("tls"), element.text());
    }

    static XmlElement status(ProxyStatus status) {
        List<XmlNode> children = new ArrayList<>();
        status.sessions().forEach(session -> children.add(session(session)));
        status.failures().forEach(failure -> children.add(new XmlElement("failure", ProxyPolicy.NAMESPACE,
                List.of(attribute("domain", failure.domain()), attribute("at", failure.when().toString())),
                List.of(new XmlText(failure.reason())))));
        return new XmlElement(STATUS, ProxyPolicy.NAMESPACE, List.of(), children);
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static ProxyStatus readStatus(XmlElement element) {
        List<SessionInfo> sessions = new ArrayList<>();
        List<ConnectionFailure> failures = new ArrayList<>();
        for (XmlElement child : element.elements()) {
            switch (child.name()) {
                case "session" -> sessions.add(readSession(child));
                case "failure" -> failures.add(new ConnectionFailure(required(child, "domain"), instant(child, "at"),
                        child.text()));
                default -> throw new IllegalArgumentException("a status holds sessions and failures, not <"
                        + child.name() + "/>");
            }
        }
        return new ProxyStatus(sessions, failures);
    }

    private static XmlElement session(SessionInfo session) {
        List<XmlAttribute> attributes = new ArrayList<>(List.of(attribute("id", session.id()),
                attribute("direction", session.direction().name()),
                attribute("local", String.join(" ", session.localDomains())),
                attribute("peers", String.join(" ", session.peerDomains())),
                attribute("auth", session.authMethod().name()), attribute("state", session.state().name()),
                attribute("in", Long.toString(session.stanzasIn())),
                attribute("out", Long.toString(session.stanzasOut())),
                attribute("opened", session.openedAt().toString())));
        session.remoteAddress().ifPresent(address -> attributes.add(attribute("address",
                IpAddressLiteral.format(address))));
        List<XmlNode> children = new ArrayList<>();
        session.tls().ifPresent(tls -> {
            List<XmlNode> certificate = new ArrayList<>();
            tls.peerCertificate().ifPresent(summary -> certificate.add(new XmlElement("certificate",
                    ProxyPolicy.NAMESPACE, List.of(attribute("subject", summary.subject()),
                    attribute("issuer", summary.issuer()), attribute("names", String.join("\n", summary.names())),
                    attribute("not-after", summary.notAfter().toString())), List.of())));
            children.add(new XmlElement("tls", ProxyPolicy.NAMESPACE, List.of(attribute("protocol", tls.protocol()),
                    attribute("cipher", tls.cipherSuite()), attribute("note", tls.certificateNote())), certificate));
        });
        return new XmlElement("session", ProxyPolicy.NAMESPACE, attributes, children);
    }

    private static SessionInfo readSession(XmlElement element) {
        Optional<TlsDetails> tls = element.elements().stream().filter(child -> child.name().equals("tls")).findFirst()
                .map(child -> new TlsDetails(required(child, "protocol"), required(child, "cipher"),
                        child.elements().stream().filter(cert -> cert.name().equals("certificate")).findFirst()
                                .map(cert -> new CertificateSummary(required(cert, "subject"), required(cert, "issuer"),
                                        names(required(cert, "names")), instant(cert, "not-after"))),
                        required(child, "note")));
        return new SessionInfo(required(element, "id"), SessionDirection.valueOf(required(element, "direction")),
                domains(required(element, "local")), domains(required(element, "peers")),
                element.attribute("address").map(ProxyReports::address), AuthMethod.valueOf(required(element, "auth")),
                SessionState.valueOf(required(element, "state")), number(element, "in"), number(element, "out"),
                instant(element, "opened"), tls);
    }

    private static Set<String> domains(String text) {
        return new LinkedHashSet<>(Arrays.stream(text.split(" ")).filter(domain -> !domain.isEmpty()).toList());
    }

    private static List<String> names(String text) {
        return Arrays.stream(text.split("\n")).filter(name -> !name.isEmpty()).toList();
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in the address '" + text + "'");
        }
        return new InetSocketAddress(IpAddressLiteral.parse(text.substring(0, colon)),
                Integer.parseInt(text.substring(colon + 1)));
    }

    private static long number(XmlElement element, String name) {
        try {
            return Long.parseLong(required(element, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is no number", e);
        }
    }

    private static Instant instant(XmlElement element, String name) {
        try {
            return Instant.parse(required(element, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is no instant", e);
        }
    }

}
