package dev.scaler.report;

import dev.scaler.load.LoadShape;
import dev.scaler.load.Stage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run was asked to do (run.json): enough to read it back, repeat it and judge it.
 *
 * @param steadyState availability a window must reach to count as recovered (fraction, default 0.99)
 * @param slo         the availability objective the error budget is computed against (fraction, default 0.999)
 * @param hypothesis  name to expression, e.g. availability to ">= 99%"; empty when none
 * @param experiment  the chaos experiment's name; empty for a load run (and in run.json files from before chaos)
 * @param guardrails  the chaos run's steady-state and abort lines; {@link Guards#NONE} for a load run
 * @param stages      the load's stages (k6's ramps and holds); empty at a constant {@code rate}
 */
public record RunInfo(int schemaVersion, String id, String kind, String project, List<String> targets, double rate,
        double durationSeconds, Map<String, Integer> journeys, long timeoutMillis, long seed, int maxInFlight, int users,
        String startedAt, double seconds, double steadyState, double slo, Map<String, String> hypothesis,
        String experiment, Guards guardrails, List<Stage> stages) {

    public static final int SCHEMA_VERSION = 1;
    public static final double DEFAULT_STEADY_STATE = 0.99;
    public static final double DEFAULT_SLO = 0.999;

    public RunInfo {
        targets = List.copyOf(targets);
        journeys = new LinkedHashMap<>(journeys);
        hypothesis = hypothesis == null ? new LinkedHashMap<>() : new LinkedHashMap<>(hypothesis);
        experiment = experiment == null ? "" : experiment;
        guardrails = guardrails == null ? Guards.NONE : guardrails;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A run at a constant rate. */
    public RunInfo(int schemaVersion, String id, String kind, String project, List<String> targets, double rate,
            double durationSeconds, Map<String, Integer> journeys, long timeoutMillis, long seed, int maxInFlight,
            int users, String startedAt, double seconds, double steadyState, double slo, Map<String, String> hypothesis,
            String experiment, Guards guardrails) {
        this(schemaVersion, id, kind, project, targets, rate, durationSeconds, journeys, timeoutMillis, seed,
                maxInFlight, users, startedAt, seconds, steadyState, slo, hypothesis, experiment, guardrails, List.of());
    }

    /** The arrival rate over the run: its stages, or its one rate for its duration. */
    public LoadShape shape() {
        return stages.isEmpty() ? LoadShape.constant(rate, Duration.ofMillis(Math.round(durationSeconds * 1000)))
                : new LoadShape(stages);
    }

    /** What ran, for titles: {@code load}, {@code chaos kill-primary}. */
    public String title() {
        return experiment.isEmpty() ? kind : kind + " " + experiment;
    }

    /** The same run with the hypothesis lines replaced (or added) by {@code lines}. */
    public RunInfo withHypothesis(Map<String, String> lines) {
        var merged = new LinkedHashMap<>(hypothesis);
        merged.putAll(lines);
        return new RunInfo(schemaVersion, id, kind, project, targets, rate, durationSeconds, journeys, timeoutMillis, seed,
                maxInFlight, users, startedAt, seconds, steadyState, slo, merged, experiment, guardrails, stages);
    }
}
