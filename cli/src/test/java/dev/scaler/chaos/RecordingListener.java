package dev.scaler.chaos;

import dev.scaler.report.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a chaos run reported, kept for assertions: its timeline events and injection timings. */
final class RecordingListener implements ChaosRun.Listener {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<ChaosRun.Injection> injections = new CopyOnWriteArrayList<>();

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void injection(ChaosRun.Injection injection) {
        injections.add(injection);
    }

    @Override
    public void say(String line) {
    }
}
