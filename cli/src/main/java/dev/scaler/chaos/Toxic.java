package dev.scaler.chaos;

import java.util.Map;

/** One Toxiproxy toxic: its name, Toxiproxy's type, the stream it acts on, toxicity and attributes. */
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Long> attributes) {
    public Toxic {
        attributes = Map.copyOf(attributes);
    }
}
