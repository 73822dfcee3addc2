package dev.scaler.webapp;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts {@code users(name, created_at, last_login)} on the main primary. Sessions live in Redis,
 * so a database outage must not stop logins: a failed upsert is logged (by the pool, once per
 * outage) and the login goes on.
 */
final class JdbcUserDirectory implements UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcUserDirectory.class);

    private final Database database;

    JdbcUserDirectory(Database database) {
        this.database = database;
    }

    @Override
    public void recordLogin(String user) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try {
            database.write(connection -> {
                // ON DUPLICATE KEY with a parameter, not VALUES(): MySQL 8.0.20+ deprecates VALUES() there.
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO users (name, created_at, last_login) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE last_login = ?")) {
                    upsert.setString(1, user);
                    upsert.setObject(2, now);
                    upsert.setObject(3, now);
                    upsert.setObject(4, now);
                    return upsert.executeUpdate();
                }
            });
        } catch (DatabaseUnavailableException e) {
            LOG.debug("login of {} not recorded: {}", user, e.getMessage());
        }
    }
}
