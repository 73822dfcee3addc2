package dev.scaler.webapp;

import java.time.Duration;

/**
 * The bound on how long a client may take to send one request, headers and body: a client that dribbles bytes
 * (slowloris) or opens a connection and says nothing has its connection closed after {@link #REQUEST_TIME}.
 *
 * <p>The JDK's HttpServer reads its limits from system properties once, when its first server is made, so
 * {@link #bound()} must run before that; a property set on the command line wins.
 */
final class SlowClients {
    /** Long enough for a 16 KiB body on a slow mobile link; HAProxy in front gives up on a silent client at 30 s. */
    static final Duration REQUEST_TIME = Duration.ofSeconds(10);

    static final String REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    private SlowClients() {}

    /** Sets the JDK server's request time limit (whole seconds) unless it was set already; answers the limit. */
    static Duration bound() {
        String seconds = System.getProperty(REQUEST_TIME_PROPERTY);
        if (seconds == null) {
            System.setProperty(REQUEST_TIME_PROPERTY, Long.toString(REQUEST_TIME.toSeconds()));
            return REQUEST_TIME;
        }
        return Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }
}
