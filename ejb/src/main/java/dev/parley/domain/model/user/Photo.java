package dev.parley.domain.model.user;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's picture as it is served in the vCard: small enough to travel inside one stanza to every remote server
 * (base64 makes it a third larger), in a format every client shows.
 */
public record Photo(String mediaType, byte[] data) {

    public static final int MAX_BYTES = 64 * 1024;
    public static final List<String> MEDIA_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");

    public Photo {
        Objects.requireNonNull(mediaType, "mediaType");
        data = data.clone();
    }

    /** What is wrong with this photo; empty when it can be kept. */
    public Optional<String> problem() {
        if (!MEDIA_TYPES.contains(mediaType)) {
            return Optional.of("photo type must be one of " + MEDIA_TYPES + ", not '" + mediaType + "'");
        }
        if (data.length == 0) {
            return Optional.of("photo is empty");
        }
        if (data.length > MAX_BYTES) {
            return Optional.of("photo is " + data.length + " bytes; at most " + MAX_BYTES + " travel in a vCard");
        }
        return Optional.empty();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Photo photo && mediaType.equals(photo.mediaType) && Arrays.equals(data, photo.data);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Photo[" + mediaType + ", " + data.length + " bytes]";
    }
}
