package dev.scaler.webapp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The jobs table over JDBC, on the shard primary of the job's note. */
final class JdbcJobTable implements JobTable {
    private static final String COLUMNS = "id, note_id, `user`, submitted_at, completions, words, sha256, note_version, done_at";

    private final Database database;

    JdbcJobTable(Database database) {
        this.database = database;
    }

    @Override
    public void insert(Job job) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO jobs (id, note_id, `user`, submitted_at, completions) VALUES (?, ?, ?, ?, 0)")) {
                insert.setString(1, job.id());
                insert.setString(2, job.note());
                insert.setString(3, job.user());
                insert.setObject(4, utc(job.submittedAt()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Job> find(String id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    LocalDateTime doneAt = row.getObject(9, LocalDateTime.class);
                    Optional<JobResult> result = doneAt == null ? Optional.empty() : Optional.of(new JobResult(
                            new NoteDigest(row.getInt(6), row.getString(7)), row.getLong(8), doneAt.toInstant(ZoneOffset.UTC)));
                    return Optional.of(new Job(row.getString(1), row.getString(2), row.getString(3),
                            row.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getInt(5), result));
                }
            }
        });
    }

    @Override
    public void delete(String id) {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM jobs WHERE id = ? AND completions = 0")) {
                delete.setString(1, id);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public boolean complete(String id, JobResult result) {
        int changed = database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE jobs SET completions = completions + 1, words = ?, sha256 = ?, note_version = ?, done_at = ?"
                            + " WHERE id = ?")) {
                update.setInt(1, result.digest().words());
                update.setString(2, result.digest().sha256());
                update.setLong(3, result.noteVersion());
                update.setObject(4, utc(result.doneAt()));
                update.setString(5, id);
                return update.executeUpdate();
            }
        });
        return changed > 0;
    }

    // As in JdbcNoteTable: UTC wall-clock values, microseconds (TIMESTAMP(6)).
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
