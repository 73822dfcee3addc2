package dev.scaler.chaos;

import java.util.Locale;

/** What happens at the end of an experiment to a container that a kill or stop took down and nothing restored. */
public enum Rollback {
    /** The tool starts it again (the default), so the next experiment finds the whole system. */
    START,
    /** Left down: failover has replaced it, and the next {@code scaler up} brings it back. */
    LEAVE;

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
