package dev.scaler.sql;

import java.time.Duration;
import java.util.Optional;

/**
 * What a server's option file ({@link Dialect#serverConfig}) says about its place in a replicated cluster.
 *
 * <p>Every node gets the binary log, replica updates logged and GTIDs, so that any replica can be promoted and the
 * others re-pointed to it. {@code readOnly} is the state the server starts in: a replica starts read-only; a primary
 * starts writable, or read-only when the tool makes it writable itself after start (so that a lost primary that
 * restarts never comes back writable on its own, see docs/failover.md, "Fencing").
 *
 * @param serverId unique in the cluster, 1 to 4294967295
 * @param readOnly start with {@code read_only=ON}
 * @param semiSyncTimeout semi-synchronous replication on (as source and as replica, so a promoted replica keeps it)
 *        with this bound on how long a commit waits for a replica's acknowledgement before going on asynchronously;
 *        empty: asynchronous
 * @param netTimeout how long a replica waits for data or a heartbeat before it takes the connection for dead
 * @param reportHost the name the replica gives its source (SHOW SLAVE HOSTS / SHOW REPLICAS); empty: none
 */
public record ServerConfig(long serverId, boolean readOnly, Optional<Duration> semiSyncTimeout, Duration netTimeout,
        Optional<String> reportHost) {
    /**
     * A short net timeout: with the default heartbeat of half of it, a replica sees a dead source in 1 s. A
     * source whose machine dies (a Swarm node) sends no reset, so the replicas learn of it only from the
     * missing heartbeat, and the agent waits for them (holistic detection): 4 s made a node's death a 4-5 s
     * failover there, 2 s a 2-4 s one. 1 s is the server's smallest.
     */
    public static final Duration DEFAULT_NET_TIMEOUT = Duration.ofSeconds(1);

    public ServerConfig {
        if (serverId < 1 || serverId > 4294967295L) {
            throw new IllegalArgumentException("server id out of range (1 to 4294967295): " + serverId);
        }
        semiSyncTimeout.ifPresent(t -> {
            if (t.toMillis() < 1) {
                throw new IllegalArgumentException("semi-sync timeout must be positive: " + t);
            }
        });
        if (netTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("net timeout must be at least 1 s: " + netTimeout);
        }
        reportHost.ifPresent(Quote::host);
    }

    /** A primary: writable, asynchronous, default net timeout. */
    public static ServerConfig primary(long serverId) {
        return new ServerConfig(serverId, false, Optional.empty(), DEFAULT_NET_TIMEOUT, Optional.empty());
    }

    /** A replica: read-only, asynchronous, default net timeout. */
    public static ServerConfig replica(long serverId) {
        return new ServerConfig(serverId, true, Optional.empty(), DEFAULT_NET_TIMEOUT, Optional.empty());
    }

    public ServerConfig withSemiSync(Duration timeout) {
        return new ServerConfig(serverId, readOnly, Optional.of(timeout), netTimeout, reportHost);
    }

    public ServerConfig withReadOnly(boolean on) {
        return new ServerConfig(serverId, on, semiSyncTimeout, netTimeout, reportHost);
    }

    public ServerConfig withNetTimeout(Duration timeout) {
        return new ServerConfig(serverId, readOnly, semiSyncTimeout, timeout, reportHost);
    }

    public ServerConfig withReportHost(String host) {
        return new ServerConfig(serverId, readOnly, semiSyncTimeout, netTimeout, Optional.of(host));
    }
}
