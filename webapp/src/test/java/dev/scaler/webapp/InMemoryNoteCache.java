package dev.scaler.webapp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The note cache in memory; a put never replaces a newer version, like the Redis script. */
final class InMemoryNoteCache implements NoteCache {
    final Map<String, Note> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Note> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public void put(Note note) {
        entries.merge(note.id(), note, (old, offered) -> old.version() >= offered.version() ? old : offered);
    }

    @Override
    public void evict(String id) {
        entries.remove(id);
    }
}
