package dev.scaler.webapp;

/** GET /whoami: which replica answered, so load balancing and datacenter failover can be observed. */
final class WhoAmIHandler implements Handler {
    private final Response response;

    WhoAmIHandler(String instance, String datacenter) {
        this.response = Response.json(200, new Json.WhereView(instance, datacenter));
    }

    @Override
    public Response handle(Request request) {
        return response;
    }
}
