package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;

/**
 * What a peer opened its stream with: its header's attributes and its stream features.
 *
 * @param from     the domain it answers as
 * @param id       the stream id it chose
 * @param version  absent (or below 1.0) for a server that predates XMPP 1.0
 * @param features its {@code <stream:features/>}; absent before XMPP 1.0
 */
record StreamOpening(Optional<String> from, Optional<String> id, Optional<StreamVersion> version,
                     Optional<XmlElement> features) {

    /** Whether the peer speaks XMPP 1.0 or later, which has stream features (and so TLS). */
    boolean hasFeatures() {
        return features.isPresent();
    }
}
