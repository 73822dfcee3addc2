package dev.scaler.plan;

/**
 * One Toxiproxy proxy: clients dial {@code <project>-proxy:listenPort}, and the proxy forwards to the upstream.
 * Names come from {@link ProxyNames}. {@code latency} is a permanent latency that `up` keeps on it (the links
 * between datacenters have one; zero for the rest).
 */
public record ProxyRoute(String name, int listenPort, String upstreamHost, int upstreamPort,
        java.time.Duration latency) {

    /** A proxy without permanent latency. */
    public ProxyRoute(String name, int listenPort, String upstreamHost, int upstreamPort) {
        this(name, listenPort, upstreamHost, upstreamPort, java.time.Duration.ZERO);
    }

    /** The address Toxiproxy listens on inside the proxy container, as its API writes it. */
    public String listen() {
        return "0.0.0.0:" + listenPort;
    }

    /** The address Toxiproxy forwards to, as its API writes it. */
    public String upstream() {
        return upstreamHost + ":" + upstreamPort;
    }
}
