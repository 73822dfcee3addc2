package dev.scaler.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The image IDs `scaler images build` recorded, per image name (base, haproxy, ...): the proof that a tag points at
 * scaler's own build. An image's labels cannot be: an image built FROM scaler's base inherits them.
 */
public record LocalBuilds(Map<String, Set<String>> ids) {
    /** The tag of the base image every offline image is built FROM. */
    public static final String BASE = "scaler/base:bookworm";
    /** The names images/build.sh builds, in the order it builds them. */
    public static final List<String> NAMES = List.of("base", "haproxy", "redis", "webapp", "mariadb", "agent",
            "toxiproxy", "minio", "edge", "node");

    private static final Pattern OFFLINE_TAG = Pattern.compile("scaler/([a-z]+):offline");

    public LocalBuilds {
        ids = ids.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Set.copyOf(e.getValue())));
    }

    /** The tag build.sh puts on its build of NAME. */
    public static String tag(String name) {
        return name.equals("base") ? BASE : "scaler/" + name + ":offline";
    }

    /** The build name of a tag build.sh makes (scaler/haproxy:offline is haproxy); empty for any other image. */
    public static Optional<String> name(String image) {
        if (image.equals(BASE)) {
            return Optional.of("base");
        }
        var m = OFFLINE_TAG.matcher(image);
        return m.matches() && NAMES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** What a tag points at (the ID the engine gives for it, if any), judged by the records, never by labels. */
    public Provenance check(String image, Optional<String> tagId) {
        if (tagId.isEmpty()) {
            return new Provenance.Missing(image);
        }
        String id = tagId.get();
        boolean recorded = name(image).map(n -> ids.getOrDefault(n, Set.of()).contains(id)).orElse(false);
        return recorded ? new Provenance.Recorded(image, id) : new Provenance.Foreign(image, id);
    }
}
