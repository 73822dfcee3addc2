package dev.scaler.webapp;

import java.time.Instant;

/** One row of the users table, and where it was read from. */
record Account(String user, Instant createdAt, Instant lastLogin, Notes.Source source) {}
