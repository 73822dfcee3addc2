package dev.scaler.chaos;

import java.util.List;
import java.util.Map;

/**
 * The Toxiproxy toxics that carry out each network action (Toxiproxy's own types and attribute names). Latency-like
 * toxics go on the downstream (answers arrive late, as when the server side is slow); a partition stops data in both
 * directions without closing connections, as a cut cable does, rather than refusing them, as a stopped server does.
 */
public final class Toxics {
    private Toxics() {
    }

    /**
     * The toxics for an action, named {@code <name>-<stream>} when one action needs two.
     *
     * @param params the action's numbers as the experiment gives them: ms, jitter, kbps, bytes, size, variation
     */
    public static List<Toxic> of(String action, Map<String, Long> params, double toxicity, String name) {
        return switch (action) {
            case "latency" -> List.of(new Toxic(name, "latency", "downstream", toxicity,
                    Map.of("latency", params.getOrDefault("ms", 0L), "jitter", params.getOrDefault("jitter", 0L))));
            // Toxiproxy counts KB/s; experiments say kbps (kilobits), as network people do.
            case "bandwidth" -> List.of(new Toxic(name, "bandwidth", "downstream", toxicity,
                    Map.of("rate", Math.max(1, params.getOrDefault("kbps", 0L) / 8))));
            case "timeout" -> List.of(new Toxic(name, "timeout", "upstream", toxicity,
                    Map.of("timeout", params.getOrDefault("ms", 0L))));
            case "reset" -> List.of(new Toxic(name, "reset_peer", "upstream", toxicity,
                    Map.of("timeout", params.getOrDefault("ms", 0L))));
            case "partition" -> List.of(
                    new Toxic(name + "-up", "timeout", "upstream", toxicity, Map.of("timeout", 0L)),
                    new Toxic(name + "-down", "timeout", "downstream", toxicity, Map.of("timeout", 0L)));
            case "slow-close" -> List.of(new Toxic(name, "slow_close", "downstream", toxicity,
                    Map.of("delay", params.getOrDefault("ms", 0L))));
            case "limit-data" -> List.of(new Toxic(name, "limit_data", "downstream", toxicity,
                    Map.of("bytes", params.getOrDefault("bytes", 0L))));
            case "slicer" -> List.of(new Toxic(name, "slicer", "downstream", toxicity,
                    Map.of("average_size", params.getOrDefault("size", 64L),
                            "size_variation", params.getOrDefault("variation", 32L),
                            "delay", params.getOrDefault("delay", 10L) * 1000)));
            default -> throw new IllegalArgumentException("not a network action: " + action);
        };
    }
}
