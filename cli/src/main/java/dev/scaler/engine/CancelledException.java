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

    /** Sleeps while polling; an interrupt (Ctrl-C) ends the sleep as this exception, the thread's flag kept. */
    public static void sleep(java.time.Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }
}
