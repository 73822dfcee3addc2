package dev.scaler.provision;

/** A project's Toxiproxy could not be reached, did not answer in time, or refused a request; the message says which. */
public final class ToxiproxyException extends RuntimeException {
    public ToxiproxyException(String message, Throwable cause) {
        super(message, cause);
    }

    public ToxiproxyException(String message) {
        super(message);
    }
}
