package dev.parley.xmpp.xml;

import io.netty.handler.codec.DecoderException;

import java.util.Objects;

/**
 * Raised by {@link XmlStreamDecoder} when the peer's XML must not be processed further. It extends
 * {@link DecoderException} so that Netty passes it unwrapped to {@code exceptionCaught}.
 */
public final class XmlViolationException extends DecoderException {

    private final XmlViolation violation;

    public XmlViolationException(XmlViolation violation, String message) {
        super(message);
        this.violation = Objects.requireNonNull(violation, "violation");
    }

    public XmlViolationException(XmlViolation violation, String message, Throwable cause) {
        super(message, cause);
        this.violation = Objects.requireNonNull(violation, "violation");
    }

    public XmlViolation violation() {
        return violation;
    }
}
