package dev.scaler.engine;

/** The user interrupted; whatever this run had created was removed again. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("interrupted; everything this run created was removed");
    }

    /** Interrupted, with what was done about it. */
    public CancelledException(String message) {
        super(message);
    }
}
