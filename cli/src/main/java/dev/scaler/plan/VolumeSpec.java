package dev.scaler.plan;

import java.util.Map;

/** A named Docker volume that holds a tier's data; `down --keep-data` leaves it. */
public record VolumeSpec(String name, Map<String, String> labels) {
    public VolumeSpec {
        labels = Map.copyOf(labels);
    }
}
