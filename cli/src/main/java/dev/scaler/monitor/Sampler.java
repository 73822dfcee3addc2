package dev.scaler.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Takes a {@link Snapshot} of every container at a fixed interval, on its own thread, until closed: the targets are
 * listed again each time (containers die and come back during a run), each is read by the first collector that
 * reads it, all in parallel, each within the deadline. Any run starts one the same way:
 *
 * <pre>{@code
 * try (var sampler = Sampler.start(targets, collectors, Duration.ofSeconds(1), store::appendSample)) {
 *     ... the run ...
 * }
 * }</pre>
 */
public final class Sampler implements AutoCloseable {
    /** A reading slower than this is given up for this round (reported as silent), so one stuck server never holds the others. */
    static final double DEADLINE_SHARE = 0.8;

    private final Supplier<List<Target>> targets;
    private final List<Collector> collectors;
    private final Duration interval;
    private final Consumer<Snapshot> sink;
    private final Clock clock;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Timed> previous = new HashMap<>();
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);

    private record Timed(long at, Reading reading) {
    }

    private Sampler(Supplier<List<Target>> targets, List<Collector> collectors, Duration interval,
            Consumer<Snapshot> sink, Clock clock) {
        this.targets = targets;
        this.collectors = List.copyOf(collectors);
        this.interval = interval;
        this.sink = sink;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("scaler-sampler").unstarted(this::loop);
    }

    /**
     * Starts sampling now, then every {@code interval}; each snapshot goes to {@code sink} on the sampler's thread.
     * The sampler owns the collectors: closing it closes them.
     */
    public static Sampler start(Supplier<List<Target>> targets, List<Collector> collectors, Duration interval,
            Consumer<Snapshot> sink) {
        var sampler = new Sampler(targets, collectors, interval, sink, Clock.systemUTC());
        sampler.thread.start();
        return sampler;
    }

    /**
     * One snapshot taken here and now, and its rates over {@code over}: two readings of every container that far
     * apart (what `scaler status --metrics` prints).
     */
    public static Snapshot once(Supplier<List<Target>> targets, List<Collector> collectors, Duration over)
            throws InterruptedException {
        var sampler = new Sampler(targets, collectors, over, s -> { }, Clock.systemUTC());
        try {
            sampler.take();
            Thread.sleep(over.toMillis());
            return sampler.take();
        } finally {
            sampler.readers.shutdownNow();
            sampler.collectors.forEach(Collector::close);
        }
    }

    private void loop() {
        long next = clock.millis();
        while (stop.getCount() > 0) {
            try {
                sink.accept(take());
            } catch (RuntimeException e) {
                // A sample that cannot be taken or stored is lost; the run it watches goes on.
            }
            next += interval.toMillis();
            long wait = next - clock.millis();
            if (wait < 0) {
                next = clock.millis(); // a slow round: start the next one now instead of bunching up
                continue;
            }
            try {
                if (stop.await(wait, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads every target once, in parallel, and derives their vitals from this and the previous reading. */
    Snapshot take() {
        long started = clock.millis();
        List<Target> now;
        try {
            now = targets.get();
        } catch (RuntimeException e) {
            return new Snapshot(started, clock.millis() - started, List.of());
        }
        var futures = new ArrayList<Future<Reading>>();
        for (Target t : now) {
            futures.add(readers.submit(() -> read(t)));
        }
        long deadline = started + (long) (interval.toMillis() * DEADLINE_SHARE);
        var vitals = new ArrayList<Vitals>();
        for (int i = 0; i < now.size(); i++) {
            Target t = now.get(i);
            Reading r;
            try {
                r = futures.get(i).get(Math.max(1, deadline - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                r = new Reading.Silent("no answer within " + (deadline - started) + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = new Reading.Silent("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                r = new Reading.Silent(String.valueOf(e.getCause()));
            }
            long at = clock.millis();
            Optional<Timed> before = Optional.ofNullable(previous.get(t.container()));
            double seconds = before.map(b -> (at - b.at()) / 1000.0).orElse(0.0);
            vitals.add(Derive.vitals(t, r, before.map(Timed::reading), seconds));
            if (!(r instanceof Reading.Silent)) {
                previous.put(t.container(), new Timed(at, r));
            }
        }
        return new Snapshot(started, clock.millis() - started, vitals);
    }

    private Reading read(Target t) {
        if (!t.readable()) {
            return new Reading.Silent(t.state().equals("running") ? "no address on the project network" : t.state());
        }
        for (Collector c : collectors) {
            if (c.reads(t)) {
                return c.read(t);
            }
        }
        return new Reading.Unwatched();
    }

    /** Stops sampling; a snapshot being taken is finished and handed over first. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(interval.plusSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.shutdownNow();
        collectors.forEach(Collector::close);
    }
}
