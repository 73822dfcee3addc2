package dev.scaler.webapp;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether this replica can serve users now: its tables exist (or it has no database) and it is not shutting down.
 * Unlike liveness, a replica that is not ready stays running; the load balancer only stops sending it traffic.
 */
final class Readiness {
    private final BooleanSupplier schemaReady;
    private volatile boolean stopping;

    Readiness(BooleanSupplier schemaReady) {
        this.schemaReady = schemaReady;
    }

    /** Ready as soon as it listens: nothing to prepare. */
    static Readiness always() {
        return new Readiness(() -> true);
    }

    /** From now on the replica says it is not ready, so the load balancer takes it out before it stops. */
    void stopping() {
        stopping = true;
    }

    /** Why the replica cannot serve, empty when it can. */
    Optional<String> notReady() {
        if (stopping) {
            return Optional.of("shutting down");
        }
        if (!schemaReady.getAsBoolean()) {
            return Optional.of("tables not created yet (waiting for the database)");
        }
        return Optional.empty();
    }
}
