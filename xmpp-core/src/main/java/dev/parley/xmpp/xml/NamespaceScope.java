package dev.parley.xmpp.xml;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The namespaces already declared where an element is written, so the writer declares only what
 * is new. Inside an XMPP server stream that is the content namespace {@code jabber:server} as
 * default and {@code stream} bound to {@code http://etherx.jabber.org/streams}.
 *
 * @param defaultNamespace the namespace of unprefixed elements, empty for none
 * @param prefixes         namespace URI to the prefix bound to it
 */
public record NamespaceScope(String defaultNamespace, Map<String, String> prefixes) {

    public NamespaceScope {
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        prefixes = Map.copyOf(prefixes);
    }

    /** A scope with only a default namespace. */
    public static NamespaceScope of(String defaultNamespace) {
        return new NamespaceScope(defaultNamespace, Map.of());
    }

    /** This scope with one more prefix bound. */
    public NamespaceScope withPrefix(String prefix, String namespace) {
        Map<String, String> bound = new HashMap<>(prefixes);
        bound.put(namespace, prefix);
        return new NamespaceScope(defaultNamespace, bound);
    }

    NamespaceScope withDefault(String namespace) {
        return new NamespaceScope(namespace, prefixes);
    }
}
