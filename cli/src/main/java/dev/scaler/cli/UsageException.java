package dev.scaler.cli;

/** The command line was understood but asks for something impossible (exit 2). */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
