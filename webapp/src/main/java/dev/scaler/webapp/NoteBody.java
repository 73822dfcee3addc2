package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
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
        // A client that sends no type at all is read as JSON; a form or text body is not a note.
        String type = contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("application/json");
        if (!type.equals("application/json")) {
            throw HttpError.unsupportedMediaType("send application/json like {\"text\": \"...\"}");
        }
        JsonNode root;
        try {
            root = Json.tree(body);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw HttpError.badRequest("body must be a JSON object like {\"text\": \"...\"}");
        }
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
