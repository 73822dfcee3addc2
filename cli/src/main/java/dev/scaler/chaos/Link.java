package dev.scaler.chaos;

/** A network path a network action degrades, parsed from what the user wrote ({@link Selectors#link}). */
public sealed interface Link {

    /** The canonical spelling: {@code web -> cache.primary}, {@code between dc:us-east and dc:eu-west}. */
    String text();

    /**
     * From the web tier to a data tier: {@code web -> database.primary}, {@code web -> shard[1]}. It stands for
     * every proxy on that path (no random choice): {@code web -> database.replica} is every replica's proxy.
     */
    record Path(Target.Nodes to) implements Link {
        public Path {
            if (!Selectors.LINK_TIERS.contains(to.tier())) {
                throw new IllegalArgumentException("no proxy leads from web to " + to.tier().label());
            }
        }

        @Override
        public String text() {
            return "web -> " + to.text();
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
