package dev.scaler.plan;

/**
 * One Toxiproxy proxy in front of a web-tier data path: web replicas dial {@code <project>-proxy:listenPort},
 * and the proxy forwards to the upstream. Names come from {@link ProxyNames}.
 */
public record ProxyRoute(String name, int listenPort, String upstreamHost, int upstreamPort) {

    /** The address Toxiproxy listens on inside the proxy container, as its API writes it. */
    public String listen() {
        return "0.0.0.0:" + listenPort;
    }

    /** The address Toxiproxy forwards to, as its API writes it. */
    public String upstream() {
        return upstreamHost + ":" + upstreamPort;
    }
}
