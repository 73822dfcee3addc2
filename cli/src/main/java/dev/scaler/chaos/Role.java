package dev.scaler.chaos;

import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The part of a tier a target names after its dot: {@code database.primary}, {@code cdn.edge}. */
public enum Role {
    PRIMARY, REPLICA, SENTINEL, ORIGIN, EDGE, LEADER;

    /** How it is written in a target, and the role a member reports for it. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles a tier has, in the order messages list them (none for lb and web). */
    public static List<Role> of(Tier tier) {
        return switch (tier) {
            case CACHE -> List.of(PRIMARY, REPLICA, SENTINEL);
            case DATABASE, SHARD -> List.of(PRIMARY, REPLICA);
            case CDN -> List.of(ORIGIN, EDGE);
            // The node leading the jobs queue (a quorum queue's Raft leader; a classic queue's only node).
            case QUEUE -> List.of(LEADER);
            default -> List.of();
        };
    }

    /** The role of that spelling, if it is one. */
    public static Optional<Role> fromSpelling(String text) {
        for (Role r : values()) {
            if (r.spelling().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
