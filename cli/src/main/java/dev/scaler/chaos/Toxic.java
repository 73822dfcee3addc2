package dev.scaler.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One network fault on a proxy, in Toxiproxy's own terms: its type ({@code latency}, {@code bandwidth},
 * {@code timeout}, {@code reset_peer}, {@code slow_close}, {@code limit_data}, {@code slicer}), the
 * direction it acts on ({@code upstream}: client to server, {@code downstream}: server to client), the
 * share of connections it affects (0..1) and its attributes (milliseconds, KB/s, bytes; slicer delay in
 * microseconds), named as Toxiproxy names them.
 */
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {
    /** The attributes each toxic type takes; a toxic may leave some out (Toxiproxy then uses 0). */
    public static final Map<String, List<String>> TYPES = types();

    public Toxic {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("a toxic name is 1..64 of A-Z a-z 0-9 _ . -, got '" + name + "'");
        }
        if (!"upstream".equals(stream) && !"downstream".equals(stream)) {
            throw new IllegalArgumentException("toxic " + name + ": stream is upstream or downstream, got '" + stream + "'");
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("toxic " + name + ": toxicity is 0..1, got " + toxicity);
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("toxic " + name + ": no type");
        }
        // Not containsKey(null): immutable maps refuse to be asked that.
        if (attributes == null || attributes.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new IllegalArgumentException("toxic " + name + ": attributes must be names with numbers");
        }
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A toxic on every connection (toxicity 1). */
    public static Toxic of(String name, String type, String stream, Map<String, Long> attributes) {
        return new Toxic(name, type, stream, 1.0, attributes);
    }

    /** Problems that make Toxiproxy refuse this toxic or ignore part of it; empty when it is fine. */
    public List<String> problems() {
        var allowed = TYPES.get(type);
        if (allowed == null) {
            return List.of("toxic " + name + ": unknown type '" + type + "' (one of " + String.join(", ", TYPES.keySet()) + ")");
        }
        var out = new java.util.ArrayList<String>();
        attributes.forEach((k, v) -> {
            if (!allowed.contains(k)) {
                out.add("toxic " + name + ": " + type + " has no attribute '" + k + "' (it has " + String.join(", ", allowed) + ")");
            } else if (v < 0) {
                out.add("toxic " + name + ": " + k + " must be 0 or more, got " + v);
            }
        });
        return out;
    }

    private static Map<String, List<String>> types() {
        // In a fixed order, for messages; the attributes as Toxiproxy 2.12's toxics define them.
        var t = new LinkedHashMap<String, List<String>>();
        t.put("latency", List.of("latency", "jitter"));
        t.put("bandwidth", List.of("rate"));
        t.put("timeout", List.of("timeout"));
        t.put("reset_peer", List.of("timeout"));
        t.put("slow_close", List.of("delay"));
        t.put("limit_data", List.of("bytes"));
        t.put("slicer", List.of("average_size", "size_variation", "delay"));
        return java.util.Collections.unmodifiableMap(t);
    }
}
