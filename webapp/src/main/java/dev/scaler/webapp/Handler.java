package dev.scaler.webapp;

/** One endpoint: a function from request to response; the router does the HTTP plumbing. */
@FunctionalInterface
interface Handler {
    Response handle(Request request);
}
