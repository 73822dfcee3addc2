package dev.scaler.webapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a handler sees of an HTTP request: enough to test handlers without a socket. */
record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    Request {
        // HTTP header names are case-insensitive; so are the lookups.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
        query = query == null ? "" : query;
    }

    Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        this(method, path, "", headers, body);
    }

    /** The first value of a query parameter; malformed escapes make it absent. */
    Optional<String> queryParameter(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Optional<String> header(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    Optional<String> cookie(String name) {
        return Cookies.find(headers("Cookie"), name);
    }
}
