package dev.scaler.webapp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, body and the few headers it wants set. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    Response {
        headers = Map.copyOf(headers);
    }

    static Response json(int status, Object value) {
        return new Response(status, "application/json", Json.write(value), Map.of());
    }

    static Response error(int status, String message) {
        return json(status, new Json.Error(message));
    }

    static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response html(String html) {
        return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
