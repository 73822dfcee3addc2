package dev.scaler.webapp;

import java.util.Optional;

/**
 * Cache-aside copies of notes. A cache that does not answer behaves as empty: it may cost the
 * database reads, never a request. Implementations swallow their own failures.
 */
interface NoteCache {
    Optional<Note> get(String id);

    void put(Note note);

    /** Called after every write, so the next read goes to the database. */
    void evict(String id);

    /** No cache at all. */
    NoteCache NONE = new NoteCache() {
        @Override
        public Optional<Note> get(String id) {
            return Optional.empty();
        }

        @Override
        public void put(Note note) {}

        @Override
        public void evict(String id) {}
    };
}
