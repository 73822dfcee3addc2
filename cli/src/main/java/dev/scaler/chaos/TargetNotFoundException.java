package dev.scaler.chaos;

/**
 * A target or link that names nothing right now, with why: {@code no running container is database.primary
 * right now: starter-db-1 (stopped), starter-db-2 (replica)}. The step is not applied; the run goes on.
 */
public final class TargetNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public TargetNotFoundException(String message) {
        super(message, null, false, false);
    }
}
