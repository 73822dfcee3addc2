package dev.scaler.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A stable digest of what a container is made of, stored as a label so `up` can tell what changed. */
public final class SpecHash {
    private SpecHash() {
    }

    /** The digest of a spec and the id of the image it would run (a rebuilt image is a change). */
    public static String of(ContainerSpec spec, String imageId) {
        var text = new StringBuilder();
        line(text, "image", spec.image() + "@" + imageId);
        line(text, "command", String.join("\u0000", spec.command()));
        sorted(text, "env", spec.env());
        sorted(text, "label", withoutSpec(spec.labels()));
        spec.ports().forEach(p -> line(text, "port", p.address() + "->" + p.containerPort()));
        spec.healthCheck().ifPresent(h -> line(text, "health", h.toString()));
        spec.mounts().forEach(m -> line(text, "mount", m.volume() + ":" + m.path()));
        // By path: the order files are listed in changes nothing in the container.
        spec.files().stream().sorted(Comparator.comparing(ContainerFile::path))
                .forEach(f -> line(text, "file", f.path() + ":" + f.mode() + ":" + f.content()));
        line(text, "network", spec.network() + " " + String.join(",", spec.aliases()));
        spec.otherNetworks().forEach((n, a) -> line(text, "network", n + " " + String.join(",", a)));
        return sha256(text.toString()).substring(0, 16);
    }

    private static Map<String, String> withoutSpec(Map<String, String> labels) {
        var copy = new TreeMap<>(labels);
        copy.remove(Labels.SPEC);
        return copy;
    }

    private static void sorted(StringBuilder text, String kind, Map<String, String> map) {
        new TreeMap<>(map).forEach((k, v) -> line(text, kind, k + "=" + v));
    }

    private static void line(StringBuilder text, String kind, String value) {
        text.append(kind).append(' ').append(value).append('\n');
    }

    /** The SHA-256 of a text in hex (the Swarm service mapping names its configs by it). */
    public static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
