package dev.scaler.cli;

import dev.scaler.plan.Rollout;
import picocli.CommandLine.Option;

/** The batch limits and readiness timeout of a rolling deploy, shared by `deploy` and `rollback` as a mixin. */
final class RolloutOptions {
    @Option(names = "--max-surge", paramLabel = "N", defaultValue = "1",
            description = "New replicas that may run above the wanted count at once (default: ${DEFAULT-VALUE}).")
    int maxSurge;

    @Option(names = "--max-unavailable", paramLabel = "N", defaultValue = "0",
            description = "Replicas that may be out of rotation below the wanted count (default: ${DEFAULT-VALUE}).")
    int maxUnavailable;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a new replica may take to be ready and in rotation before the deploy rolls back"
                    + " (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The limits, with this bound on HAProxy's 5xx share (a percentage); a usage error when they allow no step. */
    Rollout.Limits limits(double maxErrorRatePercent) {
        if (maxErrorRatePercent < 0 || maxErrorRatePercent > 100) {
            throw new UsageException("--max-error-rate is a percentage from 0 to 100, got " + maxErrorRatePercent);
        }
        try {
            return new Rollout.Limits(maxSurge, maxUnavailable, maxErrorRatePercent / 100, Rollouts.DEFAULT.minRequests());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
