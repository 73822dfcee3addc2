package dev.scaler.webapp;

/** GET /: a tiny page naming the replica, for a human poking at the load balancer in a browser. */
final class IndexHandler implements Handler {
    private final Response page;

    IndexHandler(String instance, String datacenter) {
        // Config restricts both names to [A-Za-z0-9_.-], so they need no HTML escaping.
        this.page = Response.html("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>scaler: %1$s</title></head>
                <body>
                <h1>Served by %1$s</h1>
                <p>Datacenter: %2$s. Reload to watch the load balancer pick replicas.</p>
                </body>
                </html>
                """.formatted(instance, datacenter));
    }

    @Override
    public Response handle(Request request) {
        return page;
    }
}
