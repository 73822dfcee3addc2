package dev.scaler.load;

import java.util.Locale;

/** The built-in user journeys against the reference web app (webapp/README.md). */
public enum Journey {
    /** GET /whoami; the answer must be JSON naming an instance. */
    BROWSE,
    /** Log in (POST /login, then GET /me names the user) or, with a live session, GET /me; a 401 there is a lost session. */
    LOGIN,
    /** As a logged-in user, POST /notes (or PUT an own note), then GET it back: version at least the acknowledged one. */
    WRITE,
    /** As a logged-in user, GET one of the user's acknowledged notes (GET /notes when there is none yet). */
    READ,
    /**
     * Sign in again (POST /login, which records the account on the main database's primary), then GET /account:
     * the account row, read from a main replica or the primary, names the user.
     */
    ACCOUNT,
    /**
     * As a logged-in user, ask a worker for the digest of one of the user's notes (POST /jobs, writing a note first when
     * the user has none): 202 once the queue confirmed it; then poll GET /jobs/{id} until done, for at most
     * {@link JobLedger#DEADLINE}. Every confirmed job goes into the job ledger, checked at the end of the run.
     */
    JOB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a system that {@code serves} this much can answer this journey. */
    public boolean servedBy(Serves serves) {
        return switch (this) {
            case BROWSE, LOGIN -> true;
            case WRITE, READ -> serves.notes();
            case ACCOUNT -> serves.accounts();
            case JOB -> serves.jobs();
        };
    }

    /** What a system needs to serve this journey, in words; empty for the journeys every system serves. */
    public String needs() {
        return switch (this) {
            case BROWSE, LOGIN -> "";
            case WRITE, READ -> "a database or shards (the notes live there)";
            case ACCOUNT -> "a main database (the accounts live there)";
            case JOB -> "a queue and workers (queue: and workers: in the topology)";
        };
    }

    public static Journey fromLabel(String label) {
        for (Journey j : values()) {
            if (j.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown journey '" + label + "'; the journeys are browse, login, write, read, account, job");
    }
}
