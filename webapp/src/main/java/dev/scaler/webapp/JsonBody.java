package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** A request body that must be a JSON object; {@code example} is what the client is told to send instead. */
final class JsonBody {
    private JsonBody() {}

    /**
     * The object.
     *
     * @throws HttpError 400 when the body is not a JSON object, 415 for non-JSON content types
     */
    static JsonNode object(Optional<String> contentType, byte[] body, String example) {
        // A client that sends no type at all is read as JSON; a form or text body is not JSON.
        String type = contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("application/json");
        if (!type.equals("application/json")) {
            throw HttpError.unsupportedMediaType("send application/json like " + example);
        }
        JsonNode root;
        try {
            root = Json.tree(body);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw HttpError.badRequest("body must be a JSON object like " + example);
        }
        return root;
    }
}
