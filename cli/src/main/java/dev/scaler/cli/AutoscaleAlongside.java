package dev.scaler.cli;

import dev.scaler.engine.CancelledException;
import dev.scaler.engine.DockerEngine;
import dev.scaler.load.LoadGenerator;
import dev.scaler.state.RunStore;
import dev.scaler.topology.Autoscale;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * `--autoscale` of `scaler load` and `scaler chaos`: the autoscaler runs from the load's second 0 until it ends, and
 * writes its decisions on the load's own clock, so the report draws them where they happened.
 */
final class AutoscaleAlongside implements MeasuredRun.Alongside {
    private final String project;
    private final Autoscale policy;
    private final RunStore store;
    private final PrintWriter out;
    private final OutputStyle display;
    private volatile Autoscaling autoscaling;
    private volatile boolean stopped;

    AutoscaleAlongside(String project, Autoscale policy, RunStore store, PrintWriter out, OutputStyle display) {
        this.project = project;
        this.policy = policy;
        this.store = store;
        this.out = out;
        this.display = display;
    }

    /** The autoscaler alongside a run when a policy is given; nothing otherwise. */
    static MeasuredRun.Alongside ifAny(java.util.Optional<Autoscale> policy, String project, RunStore store,
            PrintWriter out, OutputStyle display) {
        return policy.<MeasuredRun.Alongside>map(p -> new AutoscaleAlongside(project, p, store, out, display))
                .orElse(MeasuredRun.Alongside.NONE);
    }

    @Override
    public void run(long zeroNanos, String runId, LoadGenerator load) {
        // Plain lines: the load's live line owns the terminal's last line.
        var plain = new OutputStyle(OutputStyle.Mode.PLAIN, false, display.verbose());
        try (var engine = DockerEngine.connect()) {
            var a = new Autoscaling(engine, project, policy, new ProgressPrinter(out, plain), plain,
                    RunTimeline.of(store, runId, zeroNanos), Duration.ofSeconds(120));
            autoscaling = a;
            if (!stopped) {
                a.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancelledException e) {
            // Ctrl-C: the run stops and says so itself.
        }
    }

    @Override
    public void stop() {
        stopped = true;
        var a = autoscaling;
        if (a != null) {
            a.stop();
        }
    }
}
