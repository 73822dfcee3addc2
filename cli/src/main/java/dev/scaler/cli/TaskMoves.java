package dev.scaler.cli;

import dev.scaler.engine.Swarm;
import dev.scaler.load.LoadSource;
import dev.scaler.report.Event;
import dev.scaler.state.RunStore;
import dev.scaler.swarm.Rescheduling;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * On a swarm, what Swarm did with the project's tasks while a run went on, on the run's timeline: each task that
 * stopped running ({@code task lost}), and where it ran again ({@code task moved} to another node, {@code task back}
 * on its own), looked at once a second from Swarm's own view.
 */
final class TaskMoves implements MeasuredRun.Alongside {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final Optional<String> cluster;
    private final String project;
    private final RunStore store;
    private volatile boolean stopped;

    private TaskMoves(Optional<String> cluster, String project, RunStore store) {
        this.cluster = cluster;
        this.project = project;
        this.store = store;
    }

    /** Follows the project's tasks when it runs on a swarm; nothing on one engine or without a project. */
    static MeasuredRun.Alongside ifSwarm(EngineChoice engine, String project, RunStore store) {
        return engine.swarm() && !project.isEmpty() ? new TaskMoves(engine.cluster, project, store)
                : MeasuredRun.Alongside.NONE;
    }

    @Override
    public void run(long zeroNanos, String runId, LoadSource load) {
        var timeline = RunTimeline.of(store, runId, zeroNanos);
        var tasks = new Rescheduling();
        try (var swarm = Swarm.connect(cluster)) {
            while (!stopped) {
                long next = System.nanoTime() + EVERY.toNanos();
                try {
                    tasks.look(swarm.placements(project)).forEach(c ->
                            timeline.event(Event.TASK, c.kind().word(), c.task(), c.detail()));
                } catch (RuntimeException managerAway) {
                    // No manager answered (the leader's node is the one that died): look again in a second.
                }
                while (!stopped && System.nanoTime() < next) {
                    LockSupport.parkNanos(50_000_000L);
                }
            }
        } catch (RuntimeException noSwarm) {
            // The run goes on without this part of its timeline; status and the run's own figures still hold.
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
