package dev.scaler.engine;

/** A container's readiness as Docker reports it. */
public enum Health {
    /** Running, with no health check of its own: running counts as ready. */
    RUNNING,
    STARTING,
    HEALTHY,
    UNHEALTHY,
    /** Not running any more (exited or dead). */
    EXITED;

    /** True when `up` may go on to what depends on this container. */
    public boolean ready() {
        return this == RUNNING || this == HEALTHY;
    }

    /** True when waiting longer will not help. */
    public boolean failed() {
        return this == UNHEALTHY || this == EXITED;
    }
}
