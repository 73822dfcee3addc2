package dev.scaler.chaos;

import java.util.List;
import java.util.Map;

/**
 * The Toxiproxy toxics that carry out each network fault (Toxiproxy's own types and attribute names). Delays go on
 * the downstream, so answers arrive late as when the server side is slow; a partition stops data both ways without
 * closing connections, as a cut cable does, rather than refusing them as a stopped server does.
 */
public final class Toxics {
    private Toxics() {
    }

    /** The toxics for a fault, named {@code <name>} or {@code <name>-up}/{@code -down} when it needs two. */
    public static List<Toxic> of(NetworkFault fault, double toxicity, String name) {
        return switch (fault) {
            case NetworkFault.Latency l -> List.of(new Toxic(name, "latency", "downstream", toxicity,
                    Map.of("latency", l.delay().toMillis(), "jitter", l.jitter().toMillis())));
            case NetworkFault.Bandwidth b -> List.of(new Toxic(name, "bandwidth", "downstream", toxicity,
                    Map.of("rate", b.kilobytesPerSecond())));
            case NetworkFault.Timeout t -> List.of(new Toxic(name, "timeout", "upstream", toxicity,
                    Map.of("timeout", t.after().toMillis())));
            case NetworkFault.Reset r -> List.of(new Toxic(name, "reset_peer", "upstream", toxicity,
                    Map.of("timeout", r.after().toMillis())));
            case NetworkFault.Partition p -> List.of(
                    new Toxic(name + "-up", "timeout", "upstream", toxicity, Map.of("timeout", 0L)),
                    new Toxic(name + "-down", "timeout", "downstream", toxicity, Map.of("timeout", 0L)));
            case NetworkFault.SlowClose s -> List.of(new Toxic(name, "slow_close", "downstream", toxicity,
                    Map.of("delay", s.delay().toMillis())));
            case NetworkFault.LimitData d -> List.of(new Toxic(name, "limit_data", "downstream", toxicity,
                    Map.of("bytes", d.bytes())));
            case NetworkFault.Slicer s -> List.of(new Toxic(name, "slicer", "downstream", toxicity,
                    Map.of("average_size", (long) s.bytes(), "size_variation", (long) s.variation(),
                            "delay", (long) s.delayMicros())));
        };
    }
}
