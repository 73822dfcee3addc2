package dev.scaler.topology;

/** Where images come from: pulled official images, or images built locally without a registry. */
public enum ImageProfile {
    UPSTREAM, OFFLINE;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
