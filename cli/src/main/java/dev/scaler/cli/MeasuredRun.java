package dev.scaler.cli;

import dev.scaler.load.EventLoopHttp;
import dev.scaler.load.LoadGenerator;
import dev.scaler.load.LoadResult;
import dev.scaler.load.LoadSource;
import dev.scaler.load.LoadSpec;
import dev.scaler.report.Analysis;
import dev.scaler.report.Event;
import dev.scaler.report.Guards;
import dev.scaler.report.Report;
import dev.scaler.report.RunInfo;
import dev.scaler.state.RunStore;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A measured run, the same for `scaler load` and `scaler chaos`: the run is created under .scaler/runs/ID/, load is
 * sent with a live line, something may happen alongside on the load's clock (the faults of an experiment), and the
 * run is stored and analysed. Ctrl-C stops the load, lets what runs alongside undo itself, stores what was measured
 * and ends the command with exit 4.
 */
final class MeasuredRun {

    /** What runs alongside the load, started once the load's clock starts. */
    interface Alongside {
        /**
         * Runs on its own thread from the load's second 0 ({@link System#nanoTime()}); returns when done. It may read
         * the load's settled windows and end the load early.
         */
        void run(long zeroNanos, String runId, LoadSource load);

        /** Stops early and undoes what is in effect; called on Ctrl-C, and when the load ended first. */
        void stop();

        /** This and {@code other} side by side, each on its own thread, both stopped together. */
        default Alongside and(Alongside other) {
            Alongside self = this;
            return new Alongside() {
                @Override
                public void run(long zeroNanos, String runId, LoadSource load) {
                    Thread second = Thread.ofPlatform().name("scaler-alongside-2").start(() ->
                            other.run(zeroNanos, runId, load));
                    try {
                        self.run(zeroNanos, runId, load);
                    } finally {
                        try {
                            second.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void stop() {
                    self.stop();
                    other.stop();
                }
            };
        }

        Alongside NONE = new Alongside() {
            @Override
            public void run(long zeroNanos, String runId, LoadSource load) {
            }

            @Override
            public void stop() {
            }
        };
    }

    /** What the run is asked to do, as run.json records it. */
    record Setup(String kind, String experiment, String project, LoadSpec load, Duration warmup, double steadyState,
            double slo, Map<String, String> hypothesis, Duration sampleInterval, Guards guardrails, int generators) {
    }

    /** The stored run: its id and report. */
    record Outcome(String id, Report report) {
    }

    private final RunStore store;
    private final PrintWriter out;
    private final OutputStyle display;

    MeasuredRun(RunStore store, PrintWriter out, OutputStyle display) {
        this.store = store;
        this.out = out;
        this.display = display;
    }

    /** The run's id, chosen before it starts so what runs alongside can name it. */
    static String newId() {
        return RunStore.newId(Instant.now(), new SecureRandom());
    }

    /** The run, its load sent by this process. */
    Outcome run(String id, Setup setup, Alongside alongside) throws InterruptedException {
        try (var http = new EventLoopHttp(setup.load().timeout())) {
            return run(id, setup, alongside, new LoadGenerator(setup.load(), http).warmUp(setup.warmup()).withPageAssets());
        }
    }

    /** The run, its load sent by {@code generator} (this process, or several generators merged). */
    Outcome run(String id, Setup setup, Alongside alongside, LoadSource generator) throws InterruptedException {
        LoadSpec load = setup.load();
        var info = info(id, setup, Instant.now().toString(), 0);
        store.create(info);
        out.printf("run %s: %s%s to %s, journeys %s, seed %d%s%n", id,
                setup.experiment().isEmpty() ? "" : setup.experiment() + ", ", load.shape().constant()
                        ? load.shape().toString() : "stages " + load.shape() + " (peak " + Options.rateText(load.rate())
                        + "/s, " + dev.scaler.yaml.Durations.format(load.duration()) + ")",
                String.join(", ", info.targets()), load.mix(), load.seed(),
                setup.generators() > 1 ? ", " + setup.generators() + " generators" : "");
        out.flush();

        Thread side = Thread.ofPlatform().name("scaler-alongside").start(() -> {
            try {
                alongside.run(generator.started().get(), id, generator);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // The load never started: nothing was done alongside.
            }
        });
        try (var stop = Interrupts.onInterrupt(() -> {
            generator.stop();
            alongside.stop();
        })) {
            store.append(id, new Event(0, Event.START, "", "", "load starts"));
            LoadResult result;
            try (var sampling = VitalsSampling.start(setup.project(), setup.sampleInterval(), store, id);
                    var live = new LiveLine(out, generator::live, display)) {
                result = generator.run();
            } finally {
                generator.started().cancel(false);
                alongside.stop();
                side.join();
            }
            store.append(id, new Event(result.seconds(), Event.END, "", "", "load ends"));
            info = info(id, setup, result.startedAt().toString(), result.seconds());
            store.finish(info, result, generator.generators());
            Report report = Analysis.analyse(store.load(id));
            store.writeSummary(report);
            if (stop.happened()) {
                throw new dev.scaler.engine.CancelledException(
                        "interrupted; what was measured until then is stored in " + store.dir(id));
            }
            return new Outcome(id, report);
        }
    }

    /** The report as a table, and where the run is stored. */
    void print(Outcome outcome) {
        out.println();
        out.print(dev.scaler.report.TextReport.render(outcome.report()));
        out.printf("%nstored in %s  (scaler report --run %s --format html --out report.html)%n",
                store.dir(outcome.id()), outcome.id());
        out.flush();
    }

    static RunInfo info(String id, Setup s, String startedAt, double seconds) {
        LoadSpec l = s.load();
        return new RunInfo(RunInfo.SCHEMA_VERSION, id, s.kind(), s.project(),
                l.targets().stream().map(URI::toString).toList(), l.rate(), l.duration().toMillis() / 1000.0,
                l.mix().labels(), l.timeout().toMillis(), l.seed(), l.maxInFlight(), l.users(), startedAt, seconds,
                s.steadyState(), s.slo(), s.hypothesis(), s.experiment(), s.guardrails(),
                l.shape().constant() ? List.of() : l.shape().stages(), s.generators());
    }
}
