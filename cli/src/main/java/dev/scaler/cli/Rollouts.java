package dev.scaler.cli;

import dev.scaler.provision.BuildRecords;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Rollout;
import dev.scaler.provision.RollingDeploy;
import dev.scaler.provision.Up;
import dev.scaler.state.Deployments.Deployed;
import dev.scaler.state.Secrets;
import dev.scaler.topology.TopologyException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A rolling deploy of a project to a spec, shared by `deploy`, `rollback` and `up` when only web replicas change. */
final class Rollouts {
    /** One replica at a time, never below the wanted count, rolled back above 1% of 5xx once 100 requests were seen. */
    static final Rollout.Limits DEFAULT = new Rollout.Limits(1, 0, 0.01, 100);

    private final Engine engine;
    private final ProgressPrinter progress;
    private final Duration readiness;

    Rollouts(Engine engine, ProgressPrinter progress, Duration readiness) {
        this.engine = engine;
        this.progress = progress;
        this.readiness = readiness;
    }

    /** A planned rollout: the plan, its diff against what runs, and the spec digests. */
    record Prepared(Plan plan, Diff diff, Map<String, String> hashes, String readinessPath) {
        Optional<String> notRolling() {
            return RollingDeploy.notRolling(diff);
        }
    }

    /** Plans the project as {@code spec} describes it and compares it with what runs; changes nothing. */
    Prepared prepare(Deployed spec) throws TopologyException {
        var topology = DeployedTopology.load(spec);
        Plan plan = Planner.plan(topology);
        var hashes = new HashMap<String, String>();
        Diff diff = new Up(engine, BuildRecords.read()).prepare(plan, hashes);
        return new Prepared(plan, diff, hashes, topology.loadBalancer().healthCheck().path());
    }

    /**
     * Rolls the project over to {@code target}; when that fails, back to {@code fallback} (what ran before), then
     * throws. On success {@code target} is recorded as what the project runs, {@code record} decides as a new spec
     * (`deploy`, `up`) or not.
     */
    RollingDeploy.Deployed roll(Prepared target, Deployed targetSpec, Optional<Deployed> fallback, Rollout.Limits limits) {
        String project = target.plan().project();
        var secrets = Secrets.open(StateDir.resolve(), project);
        var deploy = new RollingDeploy(engine, secrets::fill, new RolloutJournal(progress, project), readiness,
                target.readinessPath());
        Optional<RollingDeploy.Previous> previous = fallback.map(spec -> new RollingDeploy.Previous(() -> {
            Prepared back;
            try {
                back = prepare(spec);
            } catch (TopologyException e) {
                throw new UncheckedIOException(new java.io.IOException("the previous spec no longer reads: " + e.getMessage()));
            }
            if (back.notRolling().isEmpty()) {
                deploy.run(back.plan(), back.diff(), back.hashes(), limits, Optional.empty());
            }
        }));
        RollingDeploy.Outcome outcome;
        // The autoscaler holds still while this marker is there.
        try (var marker = dev.scaler.state.ProcessMarker.deploying(StateDir.resolve()).hold(project);
                var stop = Interrupts.onInterrupt(deploy::cancel)) {
            outcome = deploy.run(target.plan(), target.diff(), target.hashes(), limits, previous);
        }
        return switch (outcome) {
            case RollingDeploy.Deployed done -> {
                DeployedTopology.store().record(project, targetSpec);
                yield done;
            }
            case RollingDeploy.RolledBack back when back.reason().equals(Rollout.INTERRUPTED) ->
                throw new dev.scaler.engine.CancelledException("the deploy of " + project + " stopped: " + back.reason()
                        + "; " + (fallback.isPresent() ? "every web replica runs the previous spec again"
                        : "the replicas already replaced keep the new spec (there was no previous spec on record)"));
            case RollingDeploy.RolledBack back -> throw new EngineException("the deploy of " + project
                    + " was rolled back: " + back.reason(), fallback.isPresent()
                    ? "every web replica runs the previous spec again; `scaler status " + project + "` shows them"
                    : "the replicas already replaced keep the new spec (there was no previous spec on record)");
        };
    }
}
