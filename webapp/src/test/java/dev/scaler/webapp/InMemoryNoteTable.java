package dev.scaler.webapp;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A notes table in memory that can be down, read-only, or a replica that lags until told to catch up. */
final class InMemoryNoteTable implements NoteTable {
    private final String name;
    private final Map<String, Note> rows = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile boolean readOnly;
    final AtomicInteger reads = new AtomicInteger();

    InMemoryNoteTable(String name) {
        this.name = name;
    }

    void down(boolean down) {
        this.down = down;
    }

    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** What replication does: copy the primary's rows. */
    void catchUpWith(InMemoryNoteTable primary) {
        rows.clear();
        rows.putAll(primary.rows);
    }

    int size() {
        return rows.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Note> find(String id) {
        check(false);
        reads.incrementAndGet();
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<NoteVersion> listByUser(String user) {
        check(false);
        reads.incrementAndGet();
        return rows.values().stream()
                .filter(n -> n.user().equals(user))
                .sorted(Comparator.comparing(Note::updatedAt).reversed())
                .map(n -> new NoteVersion(n.id(), n.version()))
                .toList();
    }

    @Override
    public void insert(Note note) {
        check(true);
        if (rows.putIfAbsent(note.id(), note) != null) {
            throw new IllegalStateException("duplicate id " + note.id());
        }
    }

    @Override
    public Optional<Note> update(String id, String user, String text, Instant now) {
        check(true);
        Note current = rows.get(id);
        if (current == null || !current.user().equals(user)) {
            return Optional.empty();
        }
        Note next = new Note(id, user, text, current.version() + 1, now);
        rows.put(id, next);
        return Optional.of(next);
    }

    private void check(boolean write) {
        if (down) {
            throw new DatabaseUnavailableException(name + " down for the test", null, false);
        }
        if (write && readOnly) {
            throw new DatabaseUnavailableException(name + " read-only for the test", null, true);
        }
    }
}
