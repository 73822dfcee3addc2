package dev.scaler.chaos;

import dev.scaler.plan.Tier;
import java.util.Optional;

/**
 * Which containers a container action acts on, parsed from what the user wrote ({@link Selectors#target}).
 * Two targets are equal when they are written the same way once spaces are ignored, which is how a
 * {@code restore} finds the fault it undoes.
 */
public sealed interface Target {

    /** The canonical spelling: {@code web[2]}, {@code shard[1].primary}, {@code dc:eu-west}. */
    String text();

    /**
     * Containers of a tier: {@code lb}, {@code web[2]}, {@code database.primary}, {@code shard[*].replica}.
     * Without {@code [*]} it names one container (chosen at random among the matches), with it every match.
     */
    record Nodes(Tier tier, Pick pick, Optional<Role> role) implements Target {
        public Nodes {
            if (!Selectors.TARGET_TIERS.contains(tier)) {
                throw new IllegalArgumentException(tier.label() + " cannot be targeted");
            }
            if (role.isPresent() && !Role.of(tier).contains(role.get())) {
                throw new IllegalArgumentException(tier.label() + " has no role " + role.get().spelling());
            }
        }

        /** Whether it names every match rather than one. */
        public boolean every() {
            return pick instanceof Pick.Every;
        }

        @Override
        public String text() {
            return tier.label() + pick.text() + role.map(r -> "." + r.spelling()).orElse("");
        }
    }

    /** {@code dc:NAME}: every container of that datacenter. */
    record Datacenter(String name) implements Target {
        @Override
        public String text() {
            return "dc:" + name;
        }
    }
}
