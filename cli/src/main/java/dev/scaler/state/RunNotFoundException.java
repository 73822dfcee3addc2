package dev.scaler.state;

/** A run id (or "latest") that names no stored run, or a run directory that cannot be read. */
public final class RunNotFoundException extends RuntimeException {
    public RunNotFoundException(String message) {
        super(message);
    }
}
