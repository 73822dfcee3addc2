package dev.scaler.topology;

/** Which database nodes serve reads. */
public enum ReadsFrom {
    REPLICAS, PRIMARY;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
