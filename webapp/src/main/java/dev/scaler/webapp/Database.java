package dev.scaler.webapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database server behind a HikariCP pool, with short timeouts everywhere: a dead server is a
 * 503 in about a second, never a hang. The pool connects lazily and keeps trying, so the app
 * starts without its database and recovers by itself once the (stable) address answers again,
 * for example after a failover re-points it.
 */
final class Database implements AutoCloseable {
    /** The work done on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    // Waiting for a pooled or new connection; HikariCP's minimum is 250 ms.
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    // Connect and per-read limits inside the driver: a paused or partitioned server fails, not hangs.
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_POOL = 16;
    private static final int MIN_IDLE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String name;
    private final HikariDataSource pool;
    private final AtomicBoolean available = new AtomicBoolean(true);

    private Database(String name, HikariDataSource pool) {
        this.name = name;
        this.pool = pool;
    }

    /** A pool for {@code url}; never fails because the server is down. */
    static Database open(String poolName, String url, String user, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(user);
        password.ifPresent(config::setPassword);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(500);
        config.setMaximumPoolSize(MAX_POOL);
        config.setMinimumIdle(MIN_IDLE);
        // Start now, connect when the server answers: /healthz must not depend on the database.
        config.setInitializationFailTimeout(-1);
        // Finds connections that died while idle (a restarted or failed-over server) before a request does.
        config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(10).toMillis());
        config.setRegisterMbeans(false);
        // The same two property names mean milliseconds in both drivers.
        config.addDataSourceProperty("connectTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        if (url.startsWith("jdbc:mariadb:")) {
            // A name with several addresses (the router on a Swarm) must not fail with its first one.
            config.addDataSourceProperty("socketFactory", AnyAddressSocketFactory.class.getName());
        }
        return new Database(DatabaseSettings.redact(url), new HikariDataSource(config));
    }

    String name() {
        return name;
    }

    /** Registers this pool's use under its pool name (main-primary, shard-0-replica-0, ...). */
    void measure(AppMetrics metrics) {
        var bean = pool.getHikariPoolMXBean();
        metrics.pool(pool.getPoolName(), bean::getActiveConnections, bean::getThreadsAwaitingConnection, MAX_POOL);
    }

    /**
     * Runs read-only work. A pooled connection that turns out to be dead (the server restarted
     * under it) is dropped and the work retried once on a fresh one; a timeout is not retried,
     * it would only double the wait.
     */
    <T> T read(Work<T> work) {
        try {
            return succeeded(runRetryingBroken(work));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Runs work that changes data, exactly once: it is never retried (a retry could apply it
     * twice), so the connection is checked first and a dead one replaced before anything is sent.
     */
    <T> T write(Work<T> work) {
        try (Connection connection = liveConnection()) {
            return succeeded(work.apply(connection));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private <T> T runRetryingBroken(Work<T> work) throws SQLException {
        Connection connection = pool.getConnection(); // a timeout here already waited CONNECTION_TIMEOUT: no retry
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            if (SqlErrors.classify(e) != SqlErrors.Kind.CONNECTION) {
                throw e;
            }
            pool.evictConnection(connection);
            connection = null;
            try (Connection fresh = pool.getConnection()) {
                return work.apply(fresh);
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private Connection liveConnection() throws SQLException {
        Connection connection = pool.getConnection();
        // HikariCP checks connections idle for over 500 ms; a busy pool hands out unchecked ones.
        for (int attempt = 0; attempt < 2 && !connection.isValid(1); attempt++) {
            pool.evictConnection(connection);
            connection = pool.getConnection();
        }
        return connection;
    }

    private <T> T succeeded(T result) {
        if (available.compareAndSet(false, true)) {
            LOG.info("database {} answers again", name);
        }
        return result;
    }

    private DatabaseUnavailableException failed(SQLException e) {
        SqlErrors.Kind kind = SqlErrors.classify(e);
        if (!SqlErrors.isOutage(kind)) {
            // A bug, not an outage: let the router answer 500 and log the stack trace.
            throw new IllegalStateException("database " + name + ": " + e.getMessage(), e);
        }
        // Logged on the transition only: during an outage every request fails, and the log must stay readable.
        if (available.compareAndSet(true, false)) {
            LOG.warn("database {} unavailable ({}): {}", name, kind, e.getMessage());
        }
        return new DatabaseUnavailableException("database " + name + " unavailable: " + kind, e, kind == SqlErrors.Kind.READ_ONLY);
    }

    @Override
    public void close() {
        pool.close();
    }
}
