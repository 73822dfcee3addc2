package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The app's one ObjectMapper and the JSON shapes it answers with. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // `{"user":"a"} junk` is a broken client, not a login for "a".
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Sessions written by a newer replica during a rolling update must still be readable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Body of every error response. */
    record Error(String error) {}

    /** Who is logged in, and which replica answered. */
    record UserView(String user, String instance) {}

    /** Which replica answered, and where it runs. */
    record WhereView(String instance, String datacenter) {}

    private Json() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static JsonNode tree(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }
}
