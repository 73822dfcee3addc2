package dev.scaler.webapp;

import java.util.List;
import java.util.Optional;

/**
 * The notes table on one database server, a primary or a replica. Every method throws
 * {@link DatabaseUnavailableException} when that server does not answer, refuses writes
 * (read-only, e.g. a fenced old primary) or lacks the schema.
 */
interface NoteTable {

    /** Where this table lives, for logs: the URL without secrets. */
    String name();

    Optional<Note> find(String id);

    /** The user's notes, newest first. */
    List<NoteVersion> listByUser(String user);

    /** Stores a new note (primary only). */
    void insert(Note note);

    /**
     * Replaces the text of the user's note and bumps its version (primary only).
     *
     * @return the note as stored now; empty when there is no such note of this user
     */
    Optional<Note> update(String id, String user, String text, java.time.Instant now);
}
