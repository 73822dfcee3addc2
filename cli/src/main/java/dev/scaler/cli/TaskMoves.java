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
        Swarm swarm = null;
        try {
            while (!stopped) {
                long next = System.nanoTime() + EVERY.toNanos();
                try {
                    if (swarm == null) {
                        swarm = Swarm.connect(cluster);
                    }
                    tasks.look(swarm.placements(project)).forEach(c ->
                            timeline.event(Event.TASK, c.kind().word(), c.task(), c.detail()));
                } catch (RuntimeException managerAway) {
                    // The manager it asked is on the node that died or was cut off (or the swarm has no leader for a
                    // moment): ask another one next second. The run goes on either way.
                    if (swarm != null) {
                        swarm.close();
                        swarm = null;
                    }
                }
                while (!stopped && System.nanoTime() < next) {
                    LockSupport.parkNanos(50_000_000L);
                }
            }
        } finally {
            if (swarm != null) {
                swarm.close();
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
