package dev.scaler.chaos;

/** A target, link or abort line that cannot be read, with where in the text the bad part starts. */
public final class SelectorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public SelectorException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** Where the bad part starts, in characters from the start of the text (0 for the first). */
    public int offset() {
        return offset;
    }
}
