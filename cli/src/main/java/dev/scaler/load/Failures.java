package dev.scaler.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Which kind of failure an exception from the HTTP client is. */
public final class Failures {
    private Failures() {
    }

    /** timeout for the client's timeouts, refused for a refused connection, reset for any other broken connection. */
    public static FailureKind classify(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return FailureKind.TIMEOUT;
            }
            if (t instanceof ConnectException) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                return m.contains("timed out") ? FailureKind.TIMEOUT : FailureKind.REFUSED;
            }
        }
        return FailureKind.RESET;
    }

    /** The kind of an answer with a status other than the expected one: 5xx, else check. */
    public static FailureKind ofStatus(int status) {
        return status >= 500 && status <= 599 ? FailureKind.SERVER_ERROR : FailureKind.CHECK;
    }
}
