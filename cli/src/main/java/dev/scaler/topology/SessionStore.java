package dev.scaler.topology;

/** Where web sessions live; never in a web process. */
public enum SessionStore {
    REDIS, DATABASE;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
