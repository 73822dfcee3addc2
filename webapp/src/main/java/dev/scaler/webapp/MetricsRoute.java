package dev.scaler.webapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * GET and HEAD of /metrics go to the Prometheus client's handler; other methods there are 405, and any other path
 * under the context (the JDK matches contexts by string prefix: /metricsX, /metrics/x) goes to the router (404).
 * Without this the Prometheus handler answered every method and path under it with 200 (schemathesis: TRACE).
 */
final class MetricsRoute implements HttpHandler {
    private final HttpHandler prometheus;
    private final Router router;
    private final String path;

    MetricsRoute(String path, HttpHandler prometheus, Router router) {
        this.path = path;
        this.prometheus = prometheus;
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getRawPath().equals(path)) {
            router.handle(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            prometheus.handle(exchange);
            return;
        }
        try (exchange) {
            byte[] body = Json.write(new Json.Error(method + " not allowed on " + path));
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(405, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
