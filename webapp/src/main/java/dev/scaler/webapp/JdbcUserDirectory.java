package dev.scaler.webapp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code users(name, created_at, last_login)} in the main database. A login is written on the primary, synchronously:
 * as in a real sign-in, the account must be recorded before the session is handed out, so the main primary is on
 * the path of every login. Reads go to a replica (rotating; one that does not answer is skipped) when reads go to
 * replicas; a replica that does not have the row yet (the login has not replicated) is asked again on the primary.
 */
final class JdbcUserDirectory implements UserDirectory {
    private final Database primary;
    private final List<Database> replicas;
    private final ReadsFrom readsFrom;
    private final AtomicInteger nextReplica = new AtomicInteger();

    JdbcUserDirectory(Database primary, List<Database> replicas, ReadsFrom readsFrom) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.readsFrom = readsFrom;
    }

    @Override
    public void recordLogin(String user) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        primary.write(connection -> {
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
    }

    @Override
    public Optional<Account> find(String user) {
        if (readsFrom == ReadsFrom.REPLICAS) {
            int start = nextReplica.getAndIncrement();
            for (int i = 0; i < replicas.size(); i++) {
                Database replica = replicas.get(Math.floorMod(start + i, replicas.size()));
                try {
                    Optional<Account> found = select(replica, user, Notes.Source.REPLICA);
                    if (found.isPresent()) {
                        return found;
                    }
                    break; // the replica answered without the row: only the primary can say whether it exists
                } catch (DatabaseUnavailableException e) {
                    // the next replica, then the primary
                }
            }
        }
        return select(primary, user, Notes.Source.PRIMARY);
    }

    private static Optional<Account> select(Database database, String user, Notes.Source source) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT name, created_at, last_login FROM users WHERE name = ?")) {
                query.setString(1, user);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new Account(row.getString(1), utc(row, 2), utc(row, 3), source))
                            : Optional.<Account>empty();
                }
            }
        });
    }

    private static Instant utc(ResultSet row, int column) throws java.sql.SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
