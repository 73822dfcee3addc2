package dev.scaler.sql;

import java.time.Duration;

/**
 * The server a replica replicates from, and how: the replication user, and the heartbeat the source sends when it
 * has nothing else to send, so that a replica notices a dead source within its net timeout (see
 * {@link ServerConfig#netTimeout()}).
 */
public record Source(String host, int port, String user, String password, Duration heartbeat) {
    /** Half the default net timeout: the server's own default ratio. */
    public static final Duration DEFAULT_HEARTBEAT = ServerConfig.DEFAULT_NET_TIMEOUT.dividedBy(2);

    public Source {
        Quote.host(host);
        Quote.user(user);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heartbeat.toMillis() < 1) {
            throw new IllegalArgumentException("heartbeat must be positive: " + heartbeat);
        }
    }

    /** A source on the standard port with the default heartbeat. */
    public static Source of(String host, String user, String password) {
        return new Source(host, ServerImage.PORT, user, password, DEFAULT_HEARTBEAT);
    }

    /** The heartbeat in seconds, as CHANGE MASTER/REPLICATION SOURCE takes it (fractions to the millisecond). */
    String heartbeatSeconds() {
        return Durations.seconds(heartbeat);
    }
}
