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
    READ;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Journey fromLabel(String label) {
        for (Journey j : values()) {
            if (j.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown journey '" + label + "'; the journeys are browse, login, write, read");
    }
}
