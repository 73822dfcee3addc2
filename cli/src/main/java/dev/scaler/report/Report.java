package dev.scaler.report;

import dev.scaler.load.LostWrite;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, as every format shows them; summary.json and `report --format json` are this record.
 * Availability and error budget are fractions (0.999), latencies milliseconds, times seconds since the start.
 */
public record Report(int schemaVersion, RunInfo run, Figures whole, List<Figures> phases, List<Recovery> faults,
        Consistency consistency, ErrorBudget errorBudget, List<Check> hypothesis, String verdict, List<WindowRow> windows,
        List<Event> events, VitalSigns vitals, List<Home> datacenters, List<Figures> assets, Guardrails guardrails) {

    /**
     * What the users of one home datacenter (those sent through its entry point) saw: the whole run and the
     * recovery after each fault. Empty unless users were kept at home.
     */
    public record Home(String datacenter, Figures whole, List<Recovery> faults) {
    }

    /** 2: verdict is passed, deviated, aborted, failed-precondition or none (was pass, fail, none); guardrails. */
    public static final int SCHEMA_VERSION = 2;

    /**
     * {@code assets}: the requests for the pages' static assets through the CDN, apart from the pages' own figures;
     * whole run first, then baseline, fault, recovery; empty when the pages referenced none.
     */
    public Report {
        phases = List.copyOf(phases);
        datacenters = List.copyOf(datacenters);
        assets = List.copyOf(assets);
    }

    /** Figures of the whole run or of one phase; {@code from}/{@code to} in seconds; null availability when empty. */
    public record Figures(String phase, double from, double to, int windows, long attempts, long successes, long failed,
            Map<String, Long> failures, long dropped, Double availability, double throughput, Latency latency) {
    }

    /** Milliseconds; null when nothing was measured. */
    public record Latency(long count, Double p50, Double p90, Double p99, Double p999, Double max) {
    }

    /**
     * How long after a fault availability held again: {@code recoverySeconds} null and {@code recovery}
     * "did not recover" when it never did.
     */
    public record Recovery(double at, String action, String target, boolean recovered, Double recoverySeconds,
            String recovery) {
    }

    public record Consistency(long acknowledgedWrites, long notesChecked, long lostWrites, long staleReads,
            long lostSessions, List<LostWrite> lost, List<String> lostSessionUsers) {
    }

    /** {@code used} is the share of the allowed failures spent (1.0 = all of it), null when nothing was attempted. */
    public record ErrorBudget(double slo, double allowedFailures, long failures, Double used) {
    }

    /** One hypothesis line and its verdict. */
    public record Check(String name, String expression, String observed, boolean passed) {
    }

    /**
     * One second: where it lies, what happened in it; {@code targetRate} is the arrivals the load's shape scheduled
     * in it (the rate it asked for, which throughput is drawn against).
     */
    public record WindowRow(int second, String phase, long attempts, long successes, long failed, long dropped,
            Double availability, Double p50, Double p99, Double max, double targetRate) {
    }

    /**
     * The tiers' vital signs sampled during the run (samples.jsonl): for each signal present, one value per window
     * (null when no sample fell in it or no container said it) and its minimum and maximum by phase. {@code samples}
     * is 0 when the run was not sampled; the cost is what taking one sample took, milliseconds.
     */
    public record VitalSigns(int samples, Double meanCostMs, Double maxCostMs, List<SignalSeries> series,
            List<RoleChange> roleChanges) {
    }

    /**
     * A server's own answer about its role changed at {@code t} seconds (the first sample that said it): a promotion
     * when {@code to} is primary. {@code tier} is the panel it is drawn on (shards are drawn with the database).
     */
    public record RoleChange(double t, String container, String tier, String from, String to) {
    }

    /** One signal (e.g. replicaLagSeconds) of one tier over the run. */
    public record SignalSeries(String signal, String tier, String title, String unit, List<Double> values,
            List<Range> phases) {
    }

    /** A signal's lowest and highest value in one phase (whole, baseline, fault, recovery); null when none. */
    public record Range(String phase, Double min, Double max) {
    }

    /** What the guardrails of a chaos run said: the steady state before the first fault, and the abort lines. */
    public record Guardrails(SteadyState steadyState, Abort abort) {
        public static final Guardrails NONE = new Guardrails(SteadyState.NONE, Abort.NONE);
    }

    /**
     * The steady state the baseline had to meet before the first fault: {@code outcome} is {@code met}, {@code not
     * met} (nothing was injected), {@code undecided} (the run ended first) or {@code none} (no steady-state lines);
     * {@code at} when it was decided (seconds; null unless met or not met); {@code detail} what was observed.
     */
    public record SteadyState(Map<String, String> lines, double forSeconds, double withinSeconds, String outcome,
            Double at, String detail) {
        public static final SteadyState NONE = new SteadyState(Map.of(), 0, 0, "none", null, "");
    }

    /**
     * The abort lines watched during the run and whether one tripped: {@code line} and {@code observed} of the
     * breach, {@code at} when it was seen, {@code rolledBackAt} when every fault was undone (seconds), and
     * {@code rollbackSeconds} between the two; null (empty texts) when none tripped.
     */
    public record Abort(List<String> lines, boolean tripped, String line, String observed, Double at,
            Double rolledBackAt, Double rollbackSeconds) {
        public static final Abort NONE = new Abort(List.of(), false, "", "", null, null, null);
    }

    /** True when there is no hypothesis line or every line held. */
    public boolean passed() {
        return hypothesis.stream().allMatch(Check::passed);
    }
}
