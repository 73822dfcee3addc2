package dev.scaler.load;

/**
 * What the system under load can answer beyond pages and sessions, so that a run sends only journeys it can serve:
 * notes need a database or shards, accounts a main database, jobs a queue and workers (and the notes they digest).
 */
public record Serves(boolean notes, boolean accounts, boolean jobs) {
    /** A system that serves every journey. */
    public static final Serves EVERYTHING = new Serves(true, true, true);

    /**
     * Load sent to URLs, whose make-up is not known: notes and accounts are assumed, jobs are not by default (a web
     * app without a queue answers them 503); asking for them with --journeys is not refused.
     */
    public static final Serves URLS = new Serves(true, true, false);

    /** Without jobs. */
    public Serves(boolean notes, boolean accounts) {
        this(notes, accounts, false);
    }
}
