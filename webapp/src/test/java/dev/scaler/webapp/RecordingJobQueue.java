package dev.scaler.webapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A job queue in memory: keeps what it was given, or refuses everything as an unreachable queue does. */
final class RecordingJobQueue implements JobQueue {
    final List<JobMessage> published = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;

    void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public void publish(JobMessage message) {
        if (unreachable) {
            throw new QueueUnavailableException("the job queue is not reachable");
        }
        published.add(message);
    }

    @Override
    public void close() {}
}
