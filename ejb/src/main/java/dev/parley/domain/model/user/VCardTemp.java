package dev.parley.domain.model.user;

import dev.parley.domain.model.stanza.StanzaXml;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A contact card as XEP-0054 vcard-temp, the card every XMPP client reads: FN, TITLE, ORG (ORGNAME, ORGUNIT), TEL
 * (WORK VOICE for business phones, WORK CELL for the mobile, HOME VOICE for the private phone), EMAIL and PHOTO.
 * Absent fields are left out, so a card filtered by {@link Disclosure} shows nothing of what it dropped.
 */
public final class VCardTemp {

    public static final String NAMESPACE = "vcard-temp";

    private VCardTemp() {
    }

    public static Document of(ContactCard card) {
        Document document = StanzaXml.newDocument();
        Element vcard = document.createElementNS(NAMESPACE, "vCard");
        document.appendChild(vcard);
        text(vcard, "FN", card.displayName());
        text(vcard, "TITLE", card.title());
        if (card.company() != null || card.department() != null) {
            Element org = child(vcard, "ORG");
            // ORGNAME is required in an ORG (XEP-0054's DTD), even where only the department may be seen.
            child(org, "ORGNAME").setTextContent(card.company() == null ? "" : card.company());
            text(org, "ORGUNIT", card.department());
        }
        card.businessPhones().forEach(phone -> telephone(vcard, "WORK", "VOICE", phone));
        if (card.mobile() != null) {
            telephone(vcard, "WORK", "CELL", card.mobile());
        }
        if (card.privatePhone() != null) {
            telephone(vcard, "HOME", "VOICE", card.privatePhone());
        }
        if (card.email() != null) {
            Element email = child(vcard, "EMAIL");
            child(email, "WORK");
            child(email, "INTERNET");
            child(email, "PREF");
            text(email, "USERID", card.email());
        }
        if (card.photo() != null) {
            Element photo = child(vcard, "PHOTO");
            text(photo, "TYPE", card.photo().mediaType());
            text(photo, "BINVAL", Base64.getEncoder().encodeToString(card.photo().data()));
        }
        return document;
    }

    private static void telephone(Element vcard, String where, String kind, String number) {
        Element tel = child(vcard, "TEL");
        child(tel, where);
        child(tel, kind);
        text(tel, "NUMBER", number);
    }

    private static void text(Element parent, String name, String value) {
        if (value != null) {
            child(parent, name).setTextContent(value);
        }
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }
}
