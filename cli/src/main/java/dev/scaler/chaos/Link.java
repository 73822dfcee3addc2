package dev.scaler.chaos;

import dev.scaler.plan.Tier;

/** A network path a network action degrades, parsed from what the user wrote ({@link Selectors#link}). */
public sealed interface Link {

    /** The canonical spelling: {@code web -> cache.primary}, {@code between dc:us-east and dc:eu-west}. */
    String text();

    /**
     * From the web tier to a data tier or the queue: {@code web -> database.primary}, {@code web -> shard[1]}; or from the
     * workers to the queue ({@code workers -> queue}), on the workers' own proxies. It stands for
     * every proxy on that path (no random choice): {@code web -> database.replica} is every replica's proxy.
     */
    record Path(Tier from, Target.Nodes to) implements Link {
        public Path {
            if (from == Tier.WORKERS ? to.tier() != Tier.QUEUE : from != Tier.WEB || !Selectors.LINK_TIERS.contains(to.tier())) {
                throw new IllegalArgumentException("no proxy leads from " + from.label() + " to " + to.tier().label());
            }
        }

        /** A path from the web tier. */
        public Path(Target.Nodes to) {
            this(Tier.WEB, to);
        }

        @Override
        public String text() {
            return from.label() + " -> " + to.text();
        }
    }

    /** Everything between two datacenters ({@code partition: { between: [dc:a, dc:b] }}). */
    record Between(String first, String second) implements Link {
        @Override
        public String text() {
            return "between dc:" + first + " and dc:" + second;
        }
    }
}
