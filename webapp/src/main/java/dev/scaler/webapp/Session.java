package dev.scaler.webapp;

import java.time.Instant;

/** A logged-in user, known by an id that the browser holds in a cookie. */
public record Session(String id, String user, Instant createdAt) {}
