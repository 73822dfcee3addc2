package dev.scaler.webapp;

/** The session store did not answer in time; the client gets 503 and can retry elsewhere. */
public final class SessionStoreUnavailableException extends RuntimeException {
    /** Wraps the driver's failure so callers depend on no Redis type. */
    public SessionStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
