package dev.scaler.chaos;

import dev.scaler.report.Guards;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * One chaos experiment: load runs, faults are injected at their times, whatever is still broken is rolled
 * back {@code cooldown} before the load ends, and the hypothesis lines judge the run.
 *
 * @param steps      in the order they were written (the {@link Schedule} puts them in time order)
 * @param hypothesis line name to expression, as written ({@code availability: ">= 99%"}); read by report.Hypothesis
 * @param cooldown    how long the load keeps running after the automatic rollback (0: the rollback is at the end),
 *                    and after the rollback an abort line caused
 * @param steadyState what the baseline must show before the first fault; empty: no such check
 * @param abort       lines watched every second; the first that trips rolls every fault back at once
 */
public record Experiment(String name, String description, Load load, List<Step> steps,
        Map<String, String> hypothesis, Duration cooldown, Optional<SteadyState> steadyState, List<AbortLine> abort)
        implements ChaosScript {

    /** An experiment without guardrails. */
    public Experiment(String name, String description, Load load, List<Step> steps, Map<String, String> hypothesis,
            Duration cooldown) {
        this(name, description, load, steps, hypothesis, cooldown, Optional.empty(), List.of());
    }

    public Experiment {
        steps = List.copyOf(steps);
        abort = List.copyOf(abort);
        hypothesis = Collections.unmodifiableMap(new LinkedHashMap<>(hypothesis));
        if (cooldown.isNegative() || cooldown.compareTo(load.duration()) >= 0) {
            throw new IllegalArgumentException("the cooldown is from 0 to less than the load's duration");
        }
    }

    /** The guardrails as run.json records them. */
    public Guards guards() {
        return steadyState.map(s -> new Guards(s.lines(), s.span().toMillis() / 1000.0, s.within().toMillis() / 1000.0,
                abort.stream().map(AbortLine::text).toList()))
                .orElse(new Guards(Map.of(), 0, 0, abort.stream().map(AbortLine::text).toList()));
    }

    /** When what is still broken is rolled back: {@code cooldown} before the load ends. */
    public Duration rollbackAt() {
        return load.duration().minus(cooldown);
    }
}
