package dev.scaler.topology;

import dev.scaler.yaml.Location;
import java.util.Optional;

/** MinIO as the origin of static assets, optionally behind a caching edge. */
public record Cdn(String kind, String bucket, Optional<Assets> assets, Edge edge) {
    /** The assets are published on the load balancer's address, this far above its port. */
    public static final int PORT_OFFSET = 100;

    /**
     * The directory of assets to upload: as written (relative to the topology file's directory) until the adapter
     * that read the file resolves it ({@code files.InputFile}); {@code location} is where it was written.
     */
    public record Assets(String path, Location location) {
    }
}
