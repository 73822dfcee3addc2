package dev.scaler.webapp;

import java.time.Instant;

/** What a worker derived from a note: its word count and SHA-256, for the note version it read, and when. */
record JobResult(NoteDigest digest, long noteVersion, Instant doneAt) {}
