package dev.scaler.report;

import dev.scaler.load.FailureKind;
import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Signal;
import dev.scaler.monitor.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns a stored run into its report: pure arithmetic on windows, events and the ledger's verification. */
public final class Analysis {
    /** Consecutive windows at or above the steady state that mark a recovery. */
    public static final int RECOVERY_WINDOWS = 5;

    private Analysis() {
    }

    public static Report analyse(Run run) {
        RunInfo info = run.info();
        List<Window> windows = run.windows();
        double runEnd = windows.size();
        Phases phases = Phases.of(run.events(), runEnd);
        Report.Figures whole = figures(Phases.WHOLE, 0, runEnd, windows);
        var perPhase = new ArrayList<Report.Figures>();
        for (String phase : List.of(Phases.BASELINE, Phases.FAULT, Phases.RECOVERY)) {
            perPhase.add(figures(phase, phases.from(phase), phases.to(phase),
                    windows.stream().filter(w -> phases.of(w.second()).equals(phase)).toList()));
        }
        var faults = new ArrayList<Report.Recovery>();
        for (Event e : run.events()) {
            if (e.injects()) {
                faults.add(recovery(e, windows, info.steadyState()));
            }
        }
        Verification v = run.verification();
        var consistency = new Report.Consistency(v.acknowledgedWrites(), v.notesChecked(), v.lostWrites(), v.staleReads(),
                v.lostSessions(), v.lost().stream().limit(100).toList(), v.lostSessionUsers().stream().limit(100).toList());
        var budget = errorBudget(info.slo(), whole);
        var shape = info.shape();
        var rows = windows.stream().map(w -> row(w, phases.of(w.second()), shape.meanRate(w.second()))).toList();
        List<Report.Figures> assets = assets(run.assets(), phases, runEnd);
        var checks = judge(info.hypothesis(), whole, faults, consistency, budget,
                assets.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(assets.get(0)));
        String verdict = Verdict.of(run.events(), checks).text();
        return new Report(Report.SCHEMA_VERSION, info, whole, perPhase, faults, consistency, budget, checks, verdict, rows,
                run.events(), vitalSigns(run, phases, windows.size()), homes(run, info.steadyState()), assets,
                guardrails(info.guardrails(), run.events()));
    }

    /** What the guardrails said, from the lines run.json records and the events the run wrote as they happened. */
    static Report.Guardrails guardrails(Guards guards, List<Event> events) {
        var steadyState = Report.SteadyState.NONE;
        if (guards.hasSteadyState()) {
            var decided = events.stream().filter(e -> e.type().equals(Event.STEADY_STATE)).findFirst();
            steadyState = new Report.SteadyState(guards.steadyState(), guards.forSeconds(), guards.withinSeconds(),
                    decided.map(Event::action).orElse("undecided"), decided.map(Event::t).orElse(null),
                    decided.map(Event::detail).orElse(""));
        }
        var abort = Report.Abort.NONE;
        if (!guards.abort().isEmpty()) {
            var breach = events.stream().filter(e -> e.type().equals(Event.ABORT)).findFirst();
            if (breach.isEmpty()) {
                abort = new Report.Abort(guards.abort(), false, "", "", null, null, null);
            } else {
                double at = breach.get().t();
                double done = events.stream().filter(e -> e.type().equals(Event.ROLLED_BACK) && e.t() >= at)
                        .mapToDouble(Event::t).findFirst().orElse(at);
                abort = new Report.Abort(guards.abort(), true, breach.get().target(), breach.get().detail(), at, done,
                        done - at);
            }
        }
        return new Report.Guardrails(steadyState, abort);
    }

    /** The asset requests' figures, whole run and by phase like the pages'; none when there were no asset requests. */
    static List<Report.Figures> assets(List<Window> assets, Phases phases, double runEnd) {
        if (assets.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<Report.Figures>();
        out.add(figures(Phases.WHOLE, 0, runEnd, assets));
        for (String phase : List.of(Phases.BASELINE, Phases.FAULT, Phases.RECOVERY)) {
            out.add(figures(phase, phases.from(phase), phases.to(phase),
                    assets.stream().filter(w -> phases.of(w.second()).equals(phase)).toList()));
        }
        return out;
    }

    /**
     * The sampled vital signs per window: the last sample taken in window [k, k+1) seconds after the clock started
     * (samples of the warm-up, before it, are left out), each signal as {@link Signal} makes it of the containers.
     */
    static Report.VitalSigns vitalSigns(Run run, Phases phases, int seconds) {
        if (run.samples().isEmpty()) {
            return new Report.VitalSigns(0, null, null, List.of(), List.of());
        }
        long start = java.time.Instant.parse(run.info().startedAt()).toEpochMilli();
        var bySecond = new ArrayList<java.util.Optional<Snapshot>>();
        for (int k = 0; k < seconds; k++) {
            bySecond.add(java.util.Optional.empty());
        }
        for (Snapshot s : run.samples()) {
            long k = Math.floorDiv(s.at() - start, 1000L);
            if (k >= 0 && k < seconds) {
                bySecond.set((int) k, java.util.Optional.of(s));
            }
        }
        var series = new ArrayList<Report.SignalSeries>();
        for (Signal signal : Signal.values()) {
            var values = new ArrayList<Double>();
            for (var s : bySecond) {
                var v = s.map(x -> signal.of(x.containers())).orElse(java.util.OptionalDouble.empty());
                values.add(v.isPresent() ? v.getAsDouble() : null);
            }
            if (values.stream().allMatch(java.util.Objects::isNull)) {
                continue; // a tier this project does not have
            }
            var ranges = new ArrayList<Report.Range>();
            for (String phase : List.of(Phases.WHOLE, Phases.BASELINE, Phases.FAULT, Phases.RECOVERY)) {
                var in = new java.util.DoubleSummaryStatistics();
                for (int k = 0; k < values.size(); k++) {
                    if (values.get(k) != null && (phase.equals(Phases.WHOLE) || phases.of(k).equals(phase))) {
                        in.accept(values.get(k));
                    }
                }
                ranges.add(in.getCount() == 0 ? new Report.Range(phase, null, null)
                        : new Report.Range(phase, in.getMin(), in.getMax()));
            }
            series.add(new Report.SignalSeries(signal.key(), signal.tier(), signal.title(), signal.unit(), values,
                    ranges));
        }
        var cost = run.samples().stream().mapToLong(Snapshot::costMs).summaryStatistics();
        return new Report.VitalSigns(run.samples().size(), cost.getAverage(), (double) cost.getMax(), series,
                RoleChanges.of(run.samples(), start, seconds));
    }

    /** successes / (successes + failures + dropped); null when nothing was attempted. */
    /** Availability and recovery per home datacenter, with the same maths as the whole run's. */
    static List<Report.Home> homes(Run run, double steadyState) {
        var out = new ArrayList<Report.Home>();
        run.homes().forEach((name, windows) -> {
            var faults = run.events().stream().filter(Event::injects).map(e -> recovery(e, windows, steadyState))
                    .toList();
            out.add(new Report.Home(name, figures(Phases.WHOLE, 0, windows.size(), windows), faults));
        });
        return out;
    }

    public static Double availability(long successes, long attempts) {
        return attempts == 0 ? null : (double) successes / attempts;
    }

    static Report.Figures figures(String phase, double from, double to, List<Window> windows) {
        long successes = 0;
        long dropped = 0;
        var failures = new LinkedHashMap<String, Long>();
        for (FailureKind k : FailureKind.values()) {
            failures.put(k.label(), 0L);
        }
        Histogram latency = Window.newHistogram();
        for (Window w : windows) {
            successes += w.successes();
            dropped += w.dropped();
            w.failures().forEach((k, n) -> failures.merge(k.label(), n, Long::sum));
            latency.add(w.latency());
        }
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        long attempts = successes + failed + dropped;
        double throughput = windows.isEmpty() ? 0 : successes / (double) windows.size();
        return new Report.Figures(phase, from, to, windows.size(), attempts, successes, failed, failures, dropped,
                availability(successes, attempts), throughput, latency(latency));
    }

    static Report.Latency latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Report.Latency(0, null, null, null, null, null);
        }
        return new Report.Latency(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static Double ms(long micros) {
        return micros / 1000.0;
    }

    /**
     * From the fault's injection to the start of the first run of {@link #RECOVERY_WINDOWS} consecutive windows, each
     * at or above {@code steadyState}, searched from the window the fault fell in; never below zero. A window with
     * nothing scheduled in it counts as at the steady state.
     */
    static Report.Recovery recovery(Event fault, List<Window> windows, double steadyState) {
        int first = (int) Math.floor(fault.t());
        for (int k = Math.max(0, first); k + RECOVERY_WINDOWS <= windows.size(); k++) {
            boolean held = true;
            for (int j = k; j < k + RECOVERY_WINDOWS && held; j++) {
                Window w = windows.get(j);
                Double a = availability(w.successes(), w.attempts());
                held = a == null || a >= steadyState - 1e-12;
            }
            if (held) {
                double seconds = Math.max(0, k - fault.t());
                return new Report.Recovery(fault.t(), fault.action(), fault.target(), true, seconds,
                        String.format(Locale.ROOT, "%.1fs", seconds));
            }
        }
        return new Report.Recovery(fault.t(), fault.action(), fault.target(), false, null, "did not recover");
    }

    /** The share of the allowed failures, (1 - slo) x attempts, that failures and drops used. */
    static Report.ErrorBudget errorBudget(double slo, Report.Figures whole) {
        long bad = whole.failed() + whole.dropped();
        double allowed = (1 - slo) * whole.attempts();
        Double used = whole.attempts() == 0 ? null : allowed == 0 ? (bad == 0 ? 0.0 : Double.POSITIVE_INFINITY) : bad / allowed;
        return new Report.ErrorBudget(slo, allowed, bad, used);
    }

    private static Report.WindowRow row(Window w, String phase, double targetRate) {
        Report.Latency l = latency(w.latency());
        return new Report.WindowRow(w.second(), phase, w.attempts(), w.successes(), w.failed(), w.dropped(),
                availability(w.successes(), w.attempts()), l.p50(), l.p99(), l.max(),
                Math.round(targetRate * 10) / 10.0);
    }

    static List<Report.Check> judge(Map<String, String> lines, Report.Figures whole, List<Report.Recovery> faults,
            Report.Consistency consistency, Report.ErrorBudget budget, java.util.Optional<Report.Figures> assets) {
        var checks = new ArrayList<Report.Check>();
        for (Hypothesis.Line line : Hypothesis.parse(lines)) {
            String name = line.metric().key;
            String expression = line.text();
            Double observed;
            String shown;
            switch (line.metric()) {
                case AVAILABILITY -> {
                    observed = whole.availability() == null ? null : whole.availability() * 100;
                    shown = observed == null ? "no requests" : Format.percent(whole.availability());
                }
                case P50, P90, P99, P999, MAX -> {
                    var l = whole.latency();
                    observed = switch (line.metric()) {
                        case P50 -> l.p50();
                        case P90 -> l.p90();
                        case P99 -> l.p99();
                        case P999 -> l.p999();
                        default -> l.max();
                    };
                    shown = observed == null ? "no requests" : Format.millis(observed);
                }
                case RECOVERY -> {
                    if (faults.isEmpty()) {
                        checks.add(new Report.Check(name, expression, "no fault injected", true));
                        continue;
                    }
                    if (faults.stream().anyMatch(f -> !f.recovered())) {
                        checks.add(new Report.Check(name, expression, "did not recover", false));
                        continue;
                    }
                    double worst = faults.stream().mapToDouble(Report.Recovery::recoverySeconds).max().orElse(0);
                    observed = worst * 1000;
                    shown = String.format(Locale.ROOT, "%.1fs", worst);
                }
                case LOST_WRITES -> {
                    observed = (double) consistency.lostWrites();
                    shown = Long.toString(consistency.lostWrites());
                }
                case STALE_READS -> {
                    observed = (double) consistency.staleReads();
                    shown = Long.toString(consistency.staleReads());
                }
                case LOST_SESSIONS -> {
                    observed = (double) consistency.lostSessions();
                    shown = Long.toString(consistency.lostSessions());
                }
                case ASSET_AVAILABILITY -> {
                    Double a = assets.map(Report.Figures::availability).orElse(null);
                    observed = a == null ? null : a * 100;
                    shown = a == null ? "no asset requests (the pages reference no CDN assets)" : Format.percent(a);
                }
                case DROPPED -> {
                    observed = (double) whole.dropped();
                    shown = Long.toString(whole.dropped());
                }
                default -> {
                    observed = budget.used() == null ? null : budget.used() * 100;
                    shown = budget.used() == null ? "no requests" : Format.percent(budget.used());
                }
            }
            checks.add(new Report.Check(name, expression, shown, observed != null && line.holds(observed)));
        }
        return checks;
    }
}
