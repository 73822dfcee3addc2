package dev.scaler.webapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notes table over JDBC; the SQL is the common ground of MariaDB and MySQL. */
final class JdbcNoteTable implements NoteTable {
    // GET /notes is for checking a ledger, not for paging; the cap bounds one answer's size.
    static final int LIST_LIMIT = 10_000;

    private static final String COLUMNS = "id, `user`, text, version, updated_at";

    private final Database database;

    JdbcNoteTable(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public Optional<Note> find(String id) {
        return database.read(connection -> find(connection, id));
    }

    @Override
    public List<NoteVersion> listByUser(String user) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, version FROM notes WHERE `user` = ? ORDER BY updated_at DESC, id LIMIT " + LIST_LIMIT)) {
                select.setString(1, user);
                try (ResultSet rows = select.executeQuery()) {
                    List<NoteVersion> notes = new ArrayList<>();
                    while (rows.next()) {
                        notes.add(new NoteVersion(rows.getString(1), rows.getLong(2)));
                    }
                    return notes;
                }
            }
        });
    }

    @Override
    public void insert(Note note) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO notes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, note.id());
                insert.setString(2, note.user());
                insert.setString(3, note.text());
                insert.setLong(4, note.version());
                insert.setObject(5, utc(note.updatedAt()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Note> update(String id, String user, String text, Instant now) {
        return database.write(connection -> {
            connection.setAutoCommit(false);
            try {
                int changed;
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE notes SET text = ?, version = version + 1, updated_at = ? WHERE id = ? AND `user` = ?")) {
                    update.setString(1, text);
                    update.setObject(2, utc(now));
                    update.setString(3, id);
                    update.setString(4, user);
                    changed = update.executeUpdate();
                }
                // The row stays locked until commit, so this reads the version this update made.
                Optional<Note> note = changed == 0 ? Optional.empty() : find(connection, id);
                connection.commit();
                return note;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone; the pool discards it
                }
                throw e;
            }
        });
    }

    private static Optional<Note> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM notes WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Note(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            }
        }
    }

    // Times travel as UTC wall-clock values: the same on every replica whatever the JVM's or server's zone.
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
