package dev.parley.xmpp.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a byte stream is valid UTF-8, read by read. Needed because Aalto accepts some
 * invalid sequences, such as the overlong {@code C0 BC} for {@code <}, which RFC 3629 forbids and
 * attackers use to slip characters past filters. Uses the JDK's strict decoder; a sequence split
 * across reads is carried over to the next one. One instance per stream.
 */
final class Utf8Validator {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private static final byte[] NOTHING = new byte[0];

    private final CharBuffer scratch = CharBuffer.allocate(1024);
    private byte[] carried = NOTHING;

    /** Checks the next read; throws when the bytes so far cannot be UTF-8. */
    void check(byte[] chunk) throws CharacterCodingException {
        if (carried.length == 0 && isAscii(chunk)) {
            // ASCII is valid UTF-8 on its own, and most of XMPP's traffic is ASCII: no decoder needed.
            return;
        }
        ByteBuffer input = carried.length == 0
                ? ByteBuffer.wrap(chunk)
                : ByteBuffer.allocate(carried.length + chunk.length).put(carried).put(chunk).flip();
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(input, scratch, false);
            if (result.isError()) {
                result.throwException();
            }
        } while (result.isOverflow());
        // Underflow: what is left is the start of a sequence that the next read completes.
        if (input.hasRemaining()) {
            carried = new byte[input.remaining()];
            input.get(carried);
        } else {
            carried = NOTHING;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        int any = 0;
        for (byte b : bytes) {
            any |= b;
        }
        return any >= 0;
    }
}
