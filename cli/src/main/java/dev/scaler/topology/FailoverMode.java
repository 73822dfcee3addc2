package dev.scaler.topology;

/** Whether a dead primary is replaced automatically. */
public enum FailoverMode {
    AUTO, MANUAL;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
