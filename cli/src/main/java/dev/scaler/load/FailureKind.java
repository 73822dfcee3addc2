package dev.scaler.load;

/** Why a request failed; every failure keeps one of these kinds. */
public enum FailureKind {
    /** The connection was refused (nothing listens, or the load balancer has no one to send it to). */
    REFUSED("refused"),
    /** The connection broke: reset, or closed without a complete answer. */
    RESET("reset"),
    /** No complete answer within the run's timeout, counted from the request's scheduled start. */
    TIMEOUT("timeout"),
    /** An HTTP 5xx answer. */
    SERVER_ERROR("5xx"),
    /** An answer that fails the journey's check: an unexpected status (4xx included) or body. */
    CHECK("check");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    /** The name used in every output: refused, reset, timeout, 5xx, check. */
    public String label() {
        return label;
    }

    public static FailureKind fromLabel(String label) {
        for (FailureKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown failure kind '" + label + "'");
    }
}
