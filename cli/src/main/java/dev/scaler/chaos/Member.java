package dev.scaler.chaos;

import java.util.Comparator;
import java.util.Optional;

/**
 * One container of the project as it is when a step runs: the adapter builds these from the containers labelled
 * with the project (so nothing else can ever be a target) and asks the data nodes for their role.
 *
 * @param tier  the scaler.tier label ({@code web}, {@code database}, ...)
 * @param index the scaler.index label (the database router is index 0)
 * @param role  what the service says now for data nodes ({@code primary}, {@code replica}, {@code ""} when not
 *              asked or unknown); the scaler.role label for the others ({@code sentinel}, {@code router},
 *              {@code origin}, {@code edge})
 */
public record Member(String container, String id, String tier, int index, Optional<Integer> shard,
        Optional<String> datacenter, String role, State state) {

    /** Whether its processes run, as far as a target cares. */
    public enum State {
        RUNNING, PAUSED, STOPPED;

        /** From Docker's state: running and restarting run, paused is paused, anything else is stopped. */
        public static State ofDocker(String state) {
            return switch (state) {
                case "running", "restarting" -> RUNNING;
                case "paused" -> PAUSED;
                default -> STOPPED;
            };
        }
    }

    /** The order candidates are drawn from, so that a seed picks the same member whatever order Docker lists. */
    static final Comparator<Member> ORDER = Comparator.comparing(Member::tier)
            .thenComparing(m -> m.shard().orElse(0)).thenComparingInt(Member::index)
            .thenComparing(Member::container);

    /** How it reads in a message: {@code starter-db-1 (replica)}, {@code starter-web-2 (stopped)}. */
    String describe() {
        String what = state != State.RUNNING ? state.name().toLowerCase(java.util.Locale.ROOT)
                : role.isEmpty() ? "role unknown" : role;
        return container + " (" + what + ")";
    }
}
