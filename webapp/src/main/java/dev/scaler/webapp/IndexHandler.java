package dev.scaler.webapp;

import java.util.List;
import java.util.Optional;

/**
 * GET /: a tiny page naming the replica, for a human poking at the load balancer in a browser. Its stylesheet,
 * script and image come from the CDN ({@code SCALER_CDN_URL}); the app never serves assets itself, and without a CDN
 * the page has none.
 */
final class IndexHandler implements Handler {
    /** The assets the page references, by key in the CDN's bucket (topologies/assets holds them). */
    static final List<String> ASSETS = List.of("css/site.css", "js/site.js", "img/logo.svg");

    private final Response page;

    IndexHandler(String instance, String datacenter, Optional<String> cdnUrl) {
        // Config restricts both names to [A-Za-z0-9_.-] and the URL to [A-Za-z0-9._~:/%-], so nothing needs escaping.
        String head = cdnUrl.map(u -> "\n<link rel=\"stylesheet\" href=\"" + u + "/" + ASSETS.get(0) + "\">"
                + "\n<script defer src=\"" + u + "/" + ASSETS.get(1) + "\"></script>").orElse("");
        String logo = cdnUrl.map(u -> "<img src=\"" + u + "/" + ASSETS.get(2) + "\" alt=\"scaler\" width=\"48\""
                + " height=\"48\">\n").orElse("");
        this.page = Response.html("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>scaler: %1$s</title>%3$s</head>
                <body>
                %4$s<h1>Served by %1$s</h1>
                <p>Datacenter: %2$s. Reload to watch the load balancer pick replicas.</p>
                </body>
                </html>
                """.formatted(instance, datacenter, head, logo));
    }

    @Override
    public Response handle(Request request) {
        return page;
    }
}
