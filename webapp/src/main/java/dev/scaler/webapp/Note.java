package dev.scaler.webapp;

import java.time.Instant;

/** A stored note; {@code version} starts at 1 and grows by one with each update. */
record Note(String id, String user, String text, long version, Instant updatedAt) {}
