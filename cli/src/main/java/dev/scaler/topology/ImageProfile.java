package dev.scaler.topology;

/**
 * Where images come from: pulled official images, images built locally without a registry, or {@code auto}: the
 * offline images when they are built here, else the official ones when the registry answers.
 */
public enum ImageProfile {
    AUTO, UPSTREAM, OFFLINE;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
