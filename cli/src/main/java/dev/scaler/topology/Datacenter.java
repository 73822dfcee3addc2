package dev.scaler.topology;

import java.time.Duration;

/** One datacenter: its own network, load balancer, web replicas and cache. */
public record Datacenter(String name, Duration latency) {
}
