package dev.scaler.plan;

/** A named volume mounted into a container. */
public record Mount(String volume, String path) {
}
