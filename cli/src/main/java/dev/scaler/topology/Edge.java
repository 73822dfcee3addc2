package dev.scaler.topology;

import java.time.Duration;

/** The nginx caching edge in front of the CDN origin. */
public record Edge(boolean cache, Duration ttl) {
}
