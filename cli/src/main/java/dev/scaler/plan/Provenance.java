package dev.scaler.plan;

import java.util.Optional;

/** What a tag that `scaler images build` makes points at: its recorded build, another image, or nothing. */
public sealed interface Provenance {
    /** The tag, e.g. scaler/haproxy:offline. */
    String image();

    /** The tag names no image on this engine. */
    record Missing(String image) implements Provenance {
    }

    /** The tag points at the image a build recorded. */
    record Recorded(String image, String id) implements Provenance {
    }

    /**
     * The tag points at an image no build recorded: one built FROM scaler's base (it inherits the labels, so labels
     * prove nothing), tagged by hand, or made by a build.sh that kept no records.
     */
    record Foreign(String image, String id) implements Provenance {
    }

    /** True when the tag points at a build scaler recorded. */
    default boolean ours() {
        return this instanceof Recorded;
    }

    /** A few words for a table column. */
    default String state() {
        return switch (this) {
            case Missing m -> "missing";
            case Recorded r -> "scaler's build " + shortId(r.id());
            case Foreign f -> "NOT scaler's build: " + shortId(f.id());
        };
    }

    /** What to run about it; empty when nothing is wrong. */
    default Optional<String> advice() {
        return switch (this) {
            case Missing m -> Optional.of(m.image() + " is not on this engine: run `scaler images build`");
            case Recorded r -> Optional.empty();
            case Foreign f -> Optional.of(f.image() + " points at " + shortId(f.id()) + ", an image `scaler images "
                    + "build` did not record (built FROM scaler's image, tagged by hand, or made by an older build): "
                    + "run `scaler images build` to put the tag back on scaler's build; that image keeps its ID "
                    + "(`docker tag " + shortId(f.id()) + " NAME` gives it a name of its own)");
        };
    }

    /** The first 12 hex digits of an image ID, as `docker images` shows it. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
