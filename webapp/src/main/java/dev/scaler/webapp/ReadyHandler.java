package dev.scaler.webapp;

/**
 * GET /readyz: 200 when the replica can serve, 503 with the reason when it cannot (tables not created yet, shutting
 * down). The load balancer and `scaler up` wait on it. It does not consult Redis either: once ready, a Redis outage
 * is answered with 503s per request, not by emptying the load balancer.
 */
final class ReadyHandler implements Handler {
    private static final Response READY = Response.text(200, "ready");

    private final Readiness readiness;

    ReadyHandler(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Response handle(Request request) {
        return readiness.notReady().map(reason -> Response.text(503, "not ready: " + reason)).orElse(READY);
    }
}
