package dev.parley.connector.ra;

import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

/** Returns a received stanza to its remote sender as an error, because the application could not take it. */
@FunctionalInterface
interface StanzaRefusal {

    void refuse(XmlElement stanza, StanzaErrorCondition condition, String text);
}
