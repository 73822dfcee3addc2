package dev.scaler.webapp;

/**
 * GET /healthz: liveness only. It must not consult Redis: a Redis outage would otherwise
 * take every replica out of the load balancer, turning a degraded site into a dead one.
 */
final class HealthHandler implements Handler {
    private static final Response OK = Response.text(200, "ok");

    @Override
    public Response handle(Request request) {
        return OK;
    }
}
