package dev.scaler.topology;

import java.time.Duration;

/** How the load balancer decides a web replica is alive. */
public record HealthCheck(String path, Duration interval, int fall, int rise) {
}
