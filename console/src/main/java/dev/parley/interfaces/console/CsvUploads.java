package dev.parley.interfaces.console;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/** An uploaded CSV file as text, or why it cannot be one. */
final class CsvUploads {

    private CsvUploads() {
    }

    /**
     * @param maxCharacters the most characters such a file may have
     * @param what          what the file holds, for the message: "authorizations", "users"
     * @return the text, or empty after {@code problem} was told why there is none
     */
    static Optional<String> text(Part part, int maxCharacters, String what, Consumer<String> problem) {
        if (part == null || part.getSize() == 0) {
            problem.accept("choose a CSV file");
            return Optional.empty();
        }
        // UTF-8 has at most 4 bytes a character: a larger file cannot be within the limit.
        if (part.getSize() > 4L * maxCharacters) {
            problem.accept("the file has " + part.getSize() + " bytes; a CSV file of " + what + " is far smaller");
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream()) {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString());
        } catch (CharacterCodingException e) {
            problem.accept("the file is not UTF-8 text: save it as \"CSV UTF-8\"");
        } catch (IOException e) {
            problem.accept("the file could not be read: " + e.getMessage());
        }
        return Optional.empty();
    }
}
