package dev.parley.xmpp.stream;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.NamespaceScope;
import dev.parley.xmpp.xml.XmlWriter;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The attributes of a {@code <stream:stream>} header (RFC 6120 §4.7) and the content namespace it
 * declares; used both for what a peer sent and for what we answer.
 *
 * @param from             the sender's domain
 * @param to               the domain the header is addressed to
 * @param id               the stream id; only the receiving entity sets one
 * @param version          absent for pre-RFC 3920 peers, which then get neither version nor features
 * @param lang             the {@code xml:lang} default for human-readable text on the stream
 * @param contentNamespace the default namespace, e.g. {@code jabber:server}
 * @param prefixes         further prefixes the header binds, prefix to namespace, such as {@code db}
 *                         for Server Dialback; everything on the stream may then use them
 */
public record StreamHeader(Optional<String> from, Optional<String> to, Optional<String> id,
                           Optional<StreamVersion> version, Optional<String> lang, String contentNamespace,
                           Map<String, String> prefixes) {

    /** What ends the stream a header opens, whatever its prefixes (we always bind {@code stream}). */
    public static final String CLOSING_TAG = "</stream:stream>";

    public StreamHeader {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(contentNamespace, "contentNamespace");
        // Sorted, so that the header renders the same every time.
        prefixes = Collections.unmodifiableSortedMap(new TreeMap<>(prefixes));
    }

    /** A header that binds no prefix besides {@code stream}. */
    public StreamHeader(Optional<String> from, Optional<String> to, Optional<String> id,
                        Optional<StreamVersion> version, Optional<String> lang, String contentNamespace) {
        this(from, to, id, version, lang, contentNamespace, Map.of());
    }

    /** This header with {@code prefix} bound to {@code namespace} as well. */
    public StreamHeader withPrefix(String prefix, String namespace) {
        Map<String, String> bound = new TreeMap<>(prefixes);
        bound.put(prefix, namespace);
        return new StreamHeader(from, to, id, version, lang, contentNamespace, bound);
    }

    /**
     * The header as it opens a stream: XML declaration and the unclosed {@code <stream:stream>}
     * start tag, with the content namespace as default and {@code stream} bound to the streams
     * namespace. Attributes that are absent are left out.
     */
    public String render() {
        StringBuilder out = new StringBuilder(256)
                .append("<?xml version='1.0'?><stream:stream xmlns='").append(XmlWriter.escapeAttribute(contentNamespace))
                .append("' xmlns:stream='").append(XmppNamespaces.STREAMS).append('\'');
        prefixes.forEach((prefix, namespace) -> out.append(" xmlns:").append(prefix).append("='")
                .append(XmlWriter.escapeAttribute(namespace)).append('\''));
        // Domains as XMPP addresses carry them: an internationalized one in U-labels (RFC 7622 §3.2).
        from.ifPresent(value -> attribute(out, "from", Jid.onTheWire(value)));
        to.ifPresent(value -> attribute(out, "to", Jid.onTheWire(value)));
        id.ifPresent(value -> attribute(out, "id", value));
        version.ifPresent(value -> attribute(out, "version", value.toString()));
        lang.ifPresent(value -> attribute(out, "xml:lang", value));
        return out.append('>').toString();
    }

    /** The namespaces in scope for everything written inside a stream opened by this header. */
    public NamespaceScope scope() {
        NamespaceScope scope = NamespaceScope.of(contentNamespace).withPrefix("stream", XmppNamespaces.STREAMS);
        for (Map.Entry<String, String> binding : prefixes.entrySet()) {
            scope = scope.withPrefix(binding.getKey(), binding.getValue());
        }
        return scope;
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("='").append(XmlWriter.escapeAttribute(value)).append('\'');
    }
}
