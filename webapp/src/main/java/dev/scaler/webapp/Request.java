package dev.scaler.webapp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a handler sees of an HTTP request: enough to test handlers without a socket. */
record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

    Request {
        // HTTP header names are case-insensitive; so are the lookups.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
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
