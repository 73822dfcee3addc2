package dev.scaler.topology;

import java.nio.file.Path;
import java.util.Optional;

/** MinIO as the origin of static assets, optionally behind a caching edge. */
public record Cdn(String kind, String bucket, Optional<Path> assets, Edge edge) {
    /** The assets are published on the load balancer's address, this far above its port. */
    public static final int PORT_OFFSET = 100;
}
