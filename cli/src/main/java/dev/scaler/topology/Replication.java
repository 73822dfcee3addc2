package dev.scaler.topology;

/** How the primary waits for replicas before acknowledging a write. */
public enum Replication {
    ASYNC, SEMI_SYNC;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
