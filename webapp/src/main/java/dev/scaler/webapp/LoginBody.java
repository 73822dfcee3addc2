package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Extracts the user name from a login request body, form-encoded or JSON. */
final class LoginBody {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private LoginBody() {}

    /**
     * The {@code user} field, not yet validated.
     *
     * @throws HttpError 400 when the body is malformed or has no user, 415 for other content types
     */
    static String user(Optional<String> contentType, byte[] body) {
        // A missing type is treated as a form: that is what HTML forms and `curl -d` send.
        String type = contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse(FORM);
        Optional<String> user = switch (type) {
            case FORM -> fromForm(utf8(body));
            case JSON -> fromJson(body);
            default -> throw HttpError.unsupportedMediaType("send " + FORM + " or " + JSON);
        };
        return user.orElseThrow(() -> HttpError.badRequest("missing field: user"));
    }

    static Optional<String> fromForm(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(name).equals("user")) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromJson(byte[] json) {
        JsonNode root;
        try {
            root = Json.tree(json);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw HttpError.badRequest("body must be a JSON object like {\"user\": \"alice\"}");
        }
        JsonNode user = root.get("user");
        if (user == null || user.isNull()) {
            return Optional.empty();
        }
        if (!user.isTextual()) {
            throw HttpError.badRequest("user must be a JSON string");
        }
        return Optional.of(user.textValue());
    }

    /** The body as UTF-8 text; bytes that are not UTF-8 are a bad request, not a name with U+FFFD in it. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("body is not valid UTF-8");
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("form body is not valid x-www-form-urlencoded");
        }
    }
}
