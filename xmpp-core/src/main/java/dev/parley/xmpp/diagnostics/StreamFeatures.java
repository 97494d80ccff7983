package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** A peer's stream features as an administrator reads them: "STARTTLS (required), dialback, SASL EXTERNAL". */
final class StreamFeatures {

    private StreamFeatures() {
    }

    static String describe(XmlElement features) {
        List<String> names = new ArrayList<>();
        for (XmlElement feature : features.elements()) {
            if (StartTls.is(feature, "starttls")) {
                names.add(StartTls.required(feature) ? "STARTTLS (required)" : "STARTTLS");
            } else if (feature.namespace().equals(Dialback.FEATURE_NAMESPACE)) {
                names.add("dialback");
            } else if (SaslExternal.is(feature, "mechanisms")) {
                names.add("SASL " + String.join(" ", feature.elements().stream().map(XmlElement::text).map(String::trim)
                        .toList()));
            } else {
                names.add(feature.name());
            }
        }
        return Texts.fromPeer(names.isEmpty() ? "no features" : "features: " + String.join(", ", names));
    }

    static boolean offersDialback(XmlElement features) {
        return features.elements().stream().anyMatch(feature -> feature.namespace().equals(Dialback.FEATURE_NAMESPACE));
    }
}
