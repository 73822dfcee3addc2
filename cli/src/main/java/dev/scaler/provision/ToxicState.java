package dev.scaler.provision;

import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One toxic as Toxiproxy has it: its type and attributes spelled as in Toxiproxy's API. */
public record ToxicState(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {
    public ToxicState {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The Java client's typed toxic as API data (the client keeps each type's attributes in its own getters). */
    static ToxicState of(Toxic toxic) {
        var a = new LinkedHashMap<String, Long>();
        String type = switch (toxic) {
            case Latency l -> {
                a.put("latency", l.getLatency());
                a.put("jitter", l.getJitter());
                yield "latency";
            }
            case Bandwidth b -> {
                a.put("rate", b.getRate());
                yield "bandwidth";
            }
            case Timeout t -> {
                a.put("timeout", t.getTimeout());
                yield "timeout";
            }
            case ResetPeer r -> {
                a.put("timeout", r.getTimeout());
                yield "reset_peer";
            }
            case SlowClose s -> {
                a.put("delay", s.getDelay());
                yield "slow_close";
            }
            case LimitData d -> {
                a.put("bytes", d.getBytes());
                yield "limit_data";
            }
            case Slicer s -> {
                a.put("average_size", s.getAverageSize());
                a.put("size_variation", s.getSizeVariation());
                a.put("delay", s.getDelay());
                yield "slicer";
            }
            default -> toxic.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
        return new ToxicState(toxic.getName(), type, toxic.getStream().name().toLowerCase(Locale.ROOT),
                toxic.getToxicity(), a);
    }

    /** Short form for a table, e.g. {@code slow=latency(latency=300,jitter=0) downstream}. */
    public String display() {
        var attrs = String.join(",", attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return name + "=" + type + "(" + attrs + ") " + stream + (toxicity < 1 ? " toxicity " + toxicity : "");
    }
}
