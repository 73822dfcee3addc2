package dev.scaler.webapp;

/** A database did not answer in time, refused a write (read-only) or lacks the schema; the client gets 503 and retries. */
public final class DatabaseUnavailableException extends RuntimeException {
    private final boolean readOnly;

    DatabaseUnavailableException(String message, Throwable cause, boolean readOnly) {
        super(message, cause);
        this.readOnly = readOnly;
    }

    /** True when the server answered but refuses writes: a replica, or an old primary fenced after a failover. */
    boolean readOnly() {
        return readOnly;
    }
}
