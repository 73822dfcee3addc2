package dev.scaler.monitor;

import java.util.List;

/**
 * Every container's vital signs at one moment (one line of a run's samples.jsonl).
 *
 * @param at        when the sample was taken, milliseconds since the epoch
 * @param costMs    how long taking it took, milliseconds (the sampler's own cost, reported with the run)
 */
public record Snapshot(long at, long costMs, List<Vitals> containers) {
    public Snapshot {
        containers = List.copyOf(containers);
    }
}
