package dev.scaler.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The load generator's one window on the network: send one request, get the whole answer or an exception. */
public interface Http extends AutoCloseable {

    /** A complete answer; header names in lower case. */
    record Response(int status, String body, Map<String, List<String>> headers) {
        public Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    /**
     * Sends one request and waits for the whole answer, at most {@code timeout}.
     *
     * @param contentType and body: both null for a request without a body
     * @param cookie      the Cookie header, or null
     */
    Response send(String method, URI uri, String contentType, String body, String cookie, Duration timeout)
            throws IOException, InterruptedException;

    @Override
    void close();
}
