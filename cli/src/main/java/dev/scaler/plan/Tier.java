package dev.scaler.plan;

import java.util.Locale;

/** The tier label values: part of the user contract, people filter `docker ps` by them. */
public enum Tier {
    LB, WEB, CACHE, DATABASE, SHARD, CDN, QUEUE, WORKERS, PROXY, AGENT,
    /** A load generator container of one run (`scaler load --generators N`): not planned, removed when the run ends. */
    GENERATOR;

    /** The value of the scaler.tier label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tier whose label is that value. */
    public static java.util.Optional<Tier> fromLabel(String label) {
        for (Tier t : values()) {
            if (t.label().equals(label)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
