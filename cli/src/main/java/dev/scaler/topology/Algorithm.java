package dev.scaler.topology;

/** How the load balancer spreads requests. */
public enum Algorithm {
    ROUNDROBIN, LEASTCONN;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
