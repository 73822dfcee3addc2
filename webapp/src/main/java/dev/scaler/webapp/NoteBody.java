package dev.scaler.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Extracts and checks the {@code text} of a note from a JSON body. */
final class NoteBody {
    static final int MAX_TEXT = 1000;
    static final String RULE = "text must be a JSON string of 1.." + MAX_TEXT + " characters";

    private NoteBody() {}

    /**
     * The text, 1..1000 characters (Unicode code points, so an emoji counts once).
     *
     * @throws HttpError 400 when the body is malformed or the text breaks the rule, 415 for non-JSON content types
     */
    static String text(Optional<String> contentType, byte[] body) {
        JsonNode root = JsonBody.object(contentType, body, "{\"text\": \"...\"}");
        JsonNode text = root.get("text");
        if (text == null || text.isNull()) {
            throw HttpError.badRequest("missing field: text");
        }
        if (!text.isTextual()) {
            throw HttpError.badRequest(RULE);
        }
        String value = text.textValue();
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_TEXT) {
            throw HttpError.badRequest(RULE + ", got " + length);
        }
        return value;
    }
}
