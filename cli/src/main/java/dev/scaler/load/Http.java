package dev.scaler.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The load generator's one window on the network: requests answered on event loops, each a whole answer or an
 * {@link IOException}. Work that must not leave its loop (the arrivals of a run) is scheduled on {@link #loops()}.
 */
public interface Http extends AutoCloseable {

    /** A complete answer. */
    record Response(int status, String body, Headers headers) {
        /** An answer whose headers are these, by lower-case name. */
        public Response(int status, String body, Map<String, List<String>> headers) {
            this(status, body, name -> headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()));
        }

        public Optional<String> header(String name) {
            var values = headers.all(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public List<String> headers(String name) {
            return headers.all(name);
        }
    }

    /** An answer's headers, looked up when asked (most answers are never asked for one). */
    @FunctionalInterface
    interface Headers {
        /** Every value of the header {@code name} (in any case), in the order they came; empty when there is none. */
        List<String> all(String name);
    }

    /**
     * Sends one request; the future completes with the whole answer, or exceptionally with an {@link IOException}, at
     * most {@code timeout} later. Called on one of {@link #loops()}, the request uses that loop's connections and the
     * future completes on it, so what follows an answer runs where it arrived.
     *
     * @param contentType and body: both null for a request without a body
     * @param cookie      the Cookie header, or null
     */
    CompletableFuture<Response> exchange(String method, URI uri, String contentType, String body, String cookie,
            Duration timeout);

    /** The event loops answers arrive on; each runs what is scheduled on it on one thread, in order. */
    List<ScheduledExecutorService> loops();

    /** {@link #exchange}, waiting for the answer: for threads that may block (never one of {@link #loops()}). */
    default Response send(String method, URI uri, String contentType, String body, String cookie, Duration timeout)
            throws IOException, InterruptedException {
        try {
            return exchange(method, uri, contentType, body, cookie, timeout).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    void close();
}
