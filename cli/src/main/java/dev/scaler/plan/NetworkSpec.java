package dev.scaler.plan;

import java.util.Map;

/** A Docker network the project owns. */
public record NetworkSpec(String name, Map<String, String> labels) {
    public NetworkSpec {
        labels = Map.copyOf(labels);
    }
}
