package dev.scaler.failover;

import java.util.List;

/** What the agent should do after one round of probes. */
public sealed interface Decision {

    /**
     * The primary answers: keep the route on it, and bring stray nodes back in line. {@code open} says the
     * primary is still read-only and replicates from no one (every node starts so): make it writable.
     */
    record Healthy(String primary, boolean open, List<String> fence, List<String> repoint) implements Decision {
        public Healthy {
            fence = List.copyOf(fence);
            repoint = List.copyOf(repoint);
        }
    }

    /** The primary did not answer, but not for long enough yet, or its replicas still see it. */
    record Suspect(String primary, String why) implements Decision {
    }

    /** Promote {@code candidate}, re-point {@code others} to it, then move the route. */
    record Promote(String failed, String candidate, List<String> others) implements Decision {
        public Promote {
            others = List.copyOf(others);
        }
    }

    /** The primary is dead but the agent will not act, and says why (manual mode, blocked, no candidate). */
    record Stuck(String primary, String why) implements Decision {
    }
}
