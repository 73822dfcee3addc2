package dev.scaler.provision;

import java.util.Optional;

/**
 * Whether more web replicas fit in the engine's memory, estimated before anything is created: each new replica is
 * taken to use what the largest running one uses now, and a tenth of the machine is kept for everything that is
 * not a container (the engine itself, the tool, the load generator).
 *
 * @param total the engine's memory
 * @param used what every running container of the engine uses now
 * @param perReplica what one web replica uses now (the largest of them)
 */
public record MemoryBudget(long total, long used, long perReplica) {
    private static final long MIB = 1024 * 1024;

    /** The memory containers may use in all. */
    public long usable() {
        return total - total / 10;
    }

    /** How many more replicas fit. */
    public int fits() {
        return perReplica <= 0 ? Integer.MAX_VALUE : (int) Math.max(0, (usable() - used) / perReplica);
    }

    /** Why {@code added} more replicas do not fit, empty when they do. */
    public Optional<String> refusal(int added) {
        if (added <= fits()) {
            return Optional.empty();
        }
        return Optional.of("%d more web replicas need about %d MiB (%d MiB each, as a running replica uses now), but the "
                .formatted(added, added * perReplica / MIB, perReplica / MIB)
                + "engine has %d MiB of which containers use %d MiB and %d MiB is kept free: at most %d more fit"
                        .formatted(total / MIB, used / MIB, (total - usable()) / MIB, fits()));
    }
}
