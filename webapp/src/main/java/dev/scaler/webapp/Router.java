package dev.scaler.webapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact-path routing plus everything every response shares: the instance header, error
 * bodies as JSON, and the mapping of failures to status codes.
 */
final class Router implements HttpHandler {
    // Logins are a few bytes; a cap keeps a hostile client from making a replica buffer megabytes.
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String INSTANCE_HEADER = "X-Scaler-Instance";

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
    private final Map<String, Map<String, Handler>> prefixRoutes = new LinkedHashMap<>();
    private final String instance;
    private final AppMetrics metrics;

    Router(String instance, AppMetrics metrics) {
        this.instance = instance;
        this.metrics = metrics;
    }

    Router route(String method, String path, Handler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** Routes {@code prefix + one path segment}, such as /notes/{id}; the handler reads the segment from the path. */
    Router routePrefix(String method, String prefix, Handler handler) {
        prefixRoutes.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    /** Every method and path served, as {@code GET /notes/{}} ({@code {}}: the one segment a prefix route takes). */
    Set<String> operations() {
        Set<String> all = new TreeSet<>();
        routes.forEach((path, byMethod) -> byMethod.keySet().forEach(method -> all.add(method + " " + path)));
        prefixRoutes.forEach((prefix, byMethod) -> byMethod.keySet().forEach(method -> all.add(method + " " + prefix + "{}")));
        return all;
    }

    private Map<String, Handler> find(String path) {
        Map<String, Handler> exact = routes.get(path);
        if (exact != null) {
            return exact;
        }
        for (var entry : prefixRoutes.entrySet()) {
            String rest = path.startsWith(entry.getKey()) ? path.substring(entry.getKey().length()) : null;
            if (rest != null && !rest.isEmpty() && rest.indexOf('/') < 0) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        try (exchange) {
            Response response = respond(exchange);
            write(exchange, response);
            // Health checks (the load balancer's and Docker's, several a second) are not the users' traffic.
            String path = exchange.getRequestURI().getRawPath();
            if (!path.equals("/healthz") && !path.equals("/readyz")) {
                metrics.answered(response.status(), System.nanoTime() - start);
            }
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString()); // nothing to answer to
        }
    }

    private Response respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, Handler> byMethod = find(path);
        if (byMethod == null) {
            return Response.error(404, "no such path: " + path);
        }
        String method = exchange.getRequestMethod();
        Optional<Handler> handler = Optional.ofNullable(byMethod.get(method))
                .or(() -> method.equals("HEAD") ? Optional.ofNullable(byMethod.get("GET")) : Optional.empty());
        if (handler.isEmpty()) {
            TreeSet<String> allowed = new TreeSet<>(byMethod.keySet());
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            return Response.error(405, method + " not allowed on " + path)
                    .withHeader("Allow", String.join(", ", allowed));
        }
        try {
            Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    readBody(exchange));
            return handler.get().handle(request);
        } catch (HttpError e) {
            return Response.error(e.status(), e.getMessage());
        } catch (SessionStoreUnavailableException e) {
            // The store logs outages once per transition; one line per failed request would bury them.
            return Response.error(503, "session store unavailable").withHeader("Retry-After", "1");
        } catch (DatabaseUnavailableException e) {
            // The database logs outages once per transition, like the session store.
            return Response.error(503, e.readOnly() ? "database is read-only" : "database unavailable")
                    .withHeader("Retry-After", "1");
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            return Response.error(500, "internal error");
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        // A declared length over the cap is refused before a byte of it is read (the server has already refused
        // a Content-Length that is not a number, with 400).
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body larger than " + MAX_BODY_BYTES + " bytes");
    }

    private void write(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set(INSTANCE_HEADER, instance);
        // Answers name the replica that served them; a cache in between would hide load balancing.
        headers.set("Cache-Control", "no-store");
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
