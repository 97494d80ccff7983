package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackType;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the authoritative server of {@code originating} whether it issued {@code key} for a stream
 * it opened to {@code receiving} (XEP-0220 §2.2). Completes with {@link DialbackType#VALID} or
 * {@link DialbackType#INVALID}, or exceptionally with a {@link RemoteDomainException} when the
 * authoritative server cannot be asked.
 */
@FunctionalInterface
interface DialbackVerifier {

    CompletableFuture<DialbackType> verify(String receiving, String originating, String streamId, String key);
}
