package dev.scaler.plan;

import java.util.Optional;

/** What a tag that `scaler images build` makes points at: its recorded build, another image, or nothing. */
public sealed interface Provenance {
    /** The tag, e.g. scaler/haproxy:offline. */
    String image();

    /** True when the tag points at a build scaler recorded. */
    default boolean ours() {
        return this instanceof Recorded;
    }

    /** One word or two for a table column. */
    String state();

    /** What to run about it; empty when nothing is wrong. */
    Optional<String> advice();

    /** The tag names no image on this engine. */
    record Missing(String image) implements Provenance {
        @Override
        public String state() {
            return "missing";
        }

        @Override
        public Optional<String> advice() {
            return Optional.of(image + " is not on this engine: run `scaler images build`");
        }
    }

    /** The tag points at the image a build recorded. */
    record Recorded(String image, String id) implements Provenance {
        @Override
        public String state() {
            return "scaler's build " + shortId(id);
        }

        @Override
        public Optional<String> advice() {
            return Optional.empty();
        }
    }

    /**
     * The tag points at an image no build recorded: one built FROM scaler's base (it inherits the labels, so labels
     * prove nothing), tagged by hand, or made by a build.sh that kept no records.
     */
    record Foreign(String image, String id) implements Provenance {
        @Override
        public String state() {
            return "NOT scaler's build: " + shortId(id);
        }

        @Override
        public Optional<String> advice() {
            return Optional.of(image + " points at " + shortId(id) + ", an image `scaler images build` did not "
                    + "record (built FROM scaler's image, tagged by hand, or made by an older build): run `scaler "
                    + "images build` to put the tag back on scaler's build; that image keeps its ID (`docker tag "
                    + shortId(id) + " NAME` gives it a name of its own)");
        }
    }

    /** The first 12 hex digits of an image ID, as `docker images` shows it. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
