package dev.scaler.engine;

/** The engine could not do what was asked: unreachable, an image missing, a port taken, a container unhealthy. */
public class EngineException extends RuntimeException {
    private final String hint;

    public EngineException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public EngineException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it; empty when there is nothing to add. */
    public String hint() {
        return hint;
    }
}
