package dev.scaler.webapp;

/** A request the app refuses, carrying the status and the sentence the client sees. */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false); // expected outcomes: no stack trace to fill
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError unauthorized() {
        return new HttpError(401, "not logged in");
    }

    static HttpError unsupportedMediaType(String message) {
        return new HttpError(415, message);
    }

    int status() {
        return status;
    }
}
