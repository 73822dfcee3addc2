package dev.scaler.topology;

/** The HAProxy tier in front of the web replicas. */
public record LoadBalancer(String kind, int port, String bind, Algorithm algorithm, HealthCheck healthCheck,
        int replicas) {
}
