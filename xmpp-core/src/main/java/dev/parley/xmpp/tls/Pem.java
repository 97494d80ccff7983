package dev.parley.xmpp.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468) as administrators paste it: the {@code -----BEGIN type-----} blocks, with any text around
 * them (openssl's "subject=" lines, "Bag Attributes") ignored. The messages never quote the text: it may be a key.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,64})-----([^-]*)-----END ([A-Z0-9 ]{1,64})-----");
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** One block: its type ({@code CERTIFICATE}, {@code PRIVATE KEY} …) and its decoded contents; {@code number} from 1. */
    record Block(String type, byte[] der, int number) {
    }

    private Pem() {
    }

    static boolean looksLikePem(String text) {
        return text != null && BEGIN.matcher(text).find();
    }

    /**
     * Every block of {@code text}, in order.
     *
     * @param what names the text in messages, e.g. "the certificate chain"
     * @throws CredentialLoadException when there is none, a block has no matching END line or is not base64
     */
    static List<Block> blocks(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new CredentialLoadException(what + " is empty");
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            int number = blocks.size() + 1;
            String type = matcher.group(1);
            if (!type.equals(matcher.group(3))) {
                throw new CredentialLoadException(what + ": PEM block " + number + " begins as " + type
                        + " but ends as " + matcher.group(3));
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(WHITESPACE.matcher(matcher.group(2)).replaceAll(""));
            } catch (IllegalArgumentException e) {
                throw new CredentialLoadException(what + ": PEM block " + number + " (" + type
                        + ") is not valid base64; was it changed or cut while copying?");
            }
            if (der.length == 0) {
                throw new CredentialLoadException(what + ": PEM block " + number + " (" + type + ") is empty");
            }
            blocks.add(new Block(type, der, number));
        }
        long begins = BEGIN.matcher(text).results().count();
        if (blocks.isEmpty()) {
            throw new CredentialLoadException(begins == 0
                    ? what + " is not PEM: no -----BEGIN ...----- line"
                    : what + " is not complete PEM: a -----BEGIN ...----- line has no matching -----END ...----- line");
        }
        if (begins != blocks.size()) {
            throw new CredentialLoadException(what + " is not complete PEM: " + begins + " -----BEGIN lines but "
                    + blocks.size() + " complete blocks; was it cut while copying?");
        }
        return List.copyOf(blocks);
    }

    /** {@code der} as a PEM block of {@code type}, 64 characters a line, ending with a line break. */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
