package dev.scaler.cli;

import dev.scaler.provision.RollingDeploy;
import dev.scaler.report.Event;

/**
 * Where a rollout's steps go: the progress display (a line per replica on a terminal, plain lines in CI) and, while a
 * `scaler load` or `scaler chaos` runs on the project, that run's timeline, so the report shows the deploy as it
 * shows a fault: {@code fault deploy web} when it begins, {@code restore web} when it ends, a note per step.
 */
final class RolloutJournal implements RollingDeploy.Journal {
    static final String ACTION = "deploy";
    static final String TARGET = "web";

    private final ProgressPrinter progress;
    private final RunTimeline timeline;

    RolloutJournal(ProgressPrinter progress, String project) {
        this.progress = progress;
        this.timeline = RunTimeline.inProgress(project);
    }

    @Override
    public void step(String replica, String what) {
        progress.step(replica, what);
        event("note", replica, what);
    }

    @Override
    public void rollout(String what) {
        progress.note("rolling deploy " + what);
        if (what.startsWith("begins")) {
            event(Event.FAULT, TARGET, what);
        } else if (what.startsWith("done") || what.equals("rolled back")) {
            event(Event.RESTORE, TARGET, what);
        } else {
            event("note", TARGET, what);
        }
    }

    private void event(String type, String target, String detail) {
        timeline.event(type, ACTION, target, detail);
    }
}
