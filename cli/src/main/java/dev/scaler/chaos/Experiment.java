package dev.scaler.chaos;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chaos experiment: load runs, faults are injected at their times, whatever is still broken is rolled
 * back {@code cooldown} before the load ends, and the hypothesis lines judge the run.
 *
 * @param steps      in the order they were written (the {@link Schedule} puts them in time order)
 * @param hypothesis line name to expression, as written ({@code availability: ">= 99%"}); read by report.Hypothesis
 * @param cooldown   how long the load keeps running after the automatic rollback (0: the rollback is at the end)
 */
public record Experiment(String name, String description, Load load, List<Step> steps,
        Map<String, String> hypothesis, Duration cooldown) implements ChaosScript {

    public Experiment {
        steps = List.copyOf(steps);
        hypothesis = Collections.unmodifiableMap(new LinkedHashMap<>(hypothesis));
        if (cooldown.isNegative() || cooldown.compareTo(load.duration()) >= 0) {
            throw new IllegalArgumentException("the cooldown is from 0 to less than the load's duration");
        }
    }

    /** When what is still broken is rolled back: {@code cooldown} before the load ends. */
    public Duration rollbackAt() {
        return load.duration().minus(cooldown);
    }
}
