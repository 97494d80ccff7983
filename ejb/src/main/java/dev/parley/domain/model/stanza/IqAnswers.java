package dev.parley.domain.model.stanza;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The answers this server gives to IQ requests from remote entities: RFC 6120 §8.2.3 wants every {@code get} and
 * {@code set} answered, with a result or an error. The server itself answers service discovery (XEP-0030:
 * disco#info with its identity and features, disco#items with no items) and XMPP ping (XEP-0199); every other
 * request, and every request to a user's address, gets {@code service-unavailable}, which RFC 6121 §8.5 also gives
 * for an account that does not exist, so that nobody learns which users exist. The software version (XEP-0092) is
 * not told to strangers.
 */
public final class IqAnswers {

    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String PING = "urn:xmpp:ping";
    /** What the server's disco#info announces it supports. */
    public static final List<String> FEATURES = List.of(DISCO_INFO, DISCO_ITEMS, PING);

    private IqAnswers() {
    }

    /** Whether {@code stanza} is an IQ that must be answered: a {@code get} or a {@code set}. */
    public static boolean isRequest(StanzaEnvelope stanza) {
        return stanza.kind() == StanzaKind.IQ && ("get".equals(stanza.type()) || "set".equals(stanza.type()));
    }

    /**
     * The answer to {@code request}, from its {@code to} to its {@code from}, with its id.
     *
     * @throws IllegalArgumentException when {@code request} is not an IQ {@code get} or {@code set}
     */
    public static StanzaEnvelope answer(StanzaEnvelope request) {
        if (!isRequest(request)) {
            throw new IllegalArgumentException("only IQ get and set requests are answered");
        }
        Element iq;
        try {
            iq = StanzaXml.parseElement(request.xml()).getDocumentElement();
        } catch (InvalidStanzaException e) {
            throw new IllegalArgumentException("The envelope's XML was parsed once already", e);
        }
        Optional<Element> payload = firstChildElement(iq);
        if (!toTheServer(request.to()) || !"get".equals(request.type()) || payload.isEmpty()) {
            return StanzaBounce.of(request, StanzaErrorCondition.SERVICE_UNAVAILABLE, unavailable(request));
        }
        String namespace = payload.get().getNamespaceURI();
        boolean query = "query".equals(payload.get().getLocalName());
        if (query && DISCO_INFO.equals(namespace) && !payload.get().hasAttribute("node")) {
            return result(request, iq.getNamespaceURI(), Optional.of(discoInfo()));
        }
        if (query && DISCO_ITEMS.equals(namespace) && !payload.get().hasAttribute("node")) {
            return result(request, iq.getNamespaceURI(), Optional.of(emptyQuery(DISCO_ITEMS)));
        }
        if ("ping".equals(payload.get().getLocalName()) && PING.equals(namespace)) {
            return result(request, iq.getNamespaceURI(), Optional.empty());
        }
        return StanzaBounce.of(request, StanzaErrorCondition.SERVICE_UNAVAILABLE, unavailable(request));
    }

    /** A JID without localpart and resource names the server itself. */
    private static boolean toTheServer(String to) {
        try {
            Jid jid = Jid.parse(to);
            return jid.localpart().isEmpty() && jid.resourcepart().isEmpty();
        } catch (InvalidJidException e) {
            return false;
        }
    }

    private static String unavailable(StanzaEnvelope request) {
        return toTheServer(request.to()) ? "this server does not answer that request"
                : "no service at this address answers that request";
    }

    private static Optional<Element> firstChildElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Document discoInfo() {
        Document document = emptyQuery(DISCO_INFO);
        Element query = document.getDocumentElement();
        Element identity = document.createElementNS(DISCO_INFO, "identity");
        identity.setAttribute("category", "server");
        identity.setAttribute("type", "im");
        identity.setAttribute("name", "Parley");
        query.appendChild(identity);
        for (String feature : FEATURES) {
            Element element = document.createElementNS(DISCO_INFO, "feature");
            element.setAttribute("var", feature);
            query.appendChild(element);
        }
        return document;
    }

    private static Document emptyQuery(String namespace) {
        Document document = newDocument();
        document.appendChild(document.createElementNS(namespace, "query"));
        return document;
    }

    private static StanzaEnvelope result(StanzaEnvelope request, String iqNamespace, Optional<Document> payload) {
        Document document = newDocument();
        Element iq = document.createElementNS(iqNamespace, "iq");
        iq.setAttribute("from", request.to());
        iq.setAttribute("to", request.from());
        iq.setAttribute("type", "result");
        if (request.id() != null) {
            iq.setAttribute("id", request.id());
        }
        payload.ifPresent(child -> iq.appendChild(document.importNode(child.getDocumentElement(), true)));
        document.appendChild(iq);
        return new StanzaEnvelope(StanzaKind.IQ, request.to(), request.from(), "result", request.id(),
                StanzaXml.write(document));
    }

    private static Document newDocument() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try {
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK cannot build an XML document", e);
        }
    }
}
