package dev.scaler.plan;

/**
 * A file copied into a container before it starts (configuration the tool generates).
 * The content may hold {@code ${secret:KEY}} placeholders that are filled in only when applied.
 */
public record ContainerFile(String path, String content, int mode) {
}
