package dev.scaler.chaos;

/** A network fault could not be injected or removed; the message names the proxy and why. */
public final class FaultException extends RuntimeException {
    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
