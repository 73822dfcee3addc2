package dev.scaler.webapp;

/** The job queue did not take a job: not reachable, blocked, or no confirm within the wait; the client gets 503. */
final class QueueUnavailableException extends RuntimeException {
    QueueUnavailableException(String message) {
        super(message, null, false, false);
    }
}
