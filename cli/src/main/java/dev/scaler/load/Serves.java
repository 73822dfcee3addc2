package dev.scaler.load;

/**
 * What the system under load can answer beyond pages and sessions, so that a run sends only journeys it can serve:
 * notes need a database or shards, accounts a main database.
 */
public record Serves(boolean notes, boolean accounts) {
    /** A system whose make-up is not known (load sent to URLs): every journey is assumed to be served. */
    public static final Serves EVERYTHING = new Serves(true, true);
}
