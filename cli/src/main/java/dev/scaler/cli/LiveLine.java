package dev.scaler.cli;

import dev.scaler.load.LoadGenerator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * While a run goes: on a terminal one line rewritten in place four times a second; without one, under CI=true or
 * with --verbose, a plain line every 5 s, which reads well in a CI log; with --quiet nothing.
 */
final class LiveLine implements AutoCloseable {
    private final PrintWriter out;
    private final Supplier<LoadGenerator.Live> source;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean done;
    private long lastCompleted;
    private double lastElapsed;

    LiveLine(PrintWriter out, Supplier<LoadGenerator.Live> source, OutputStyle display) {
        this.out = out;
        this.source = source;
        this.terminal = display.live();
        this.thread = display.mode() == OutputStyle.Mode.QUIET ? Thread.ofPlatform().unstarted(() -> { })
                : Thread.ofPlatform().daemon().name("scaler-live").start(this::loop);
    }

    /** On a terminal every 250 ms; otherwise each time another 5 s of the run (not of the warm-up) have passed. */
    private void loop() {
        long printed = 0;
        while (!done) {
            try {
                Thread.sleep(terminal ? 250 : 100);
            } catch (InterruptedException e) {
                return;
            }
            if (done) {
                return;
            }
            LoadGenerator.Live live = source.get();
            if (!terminal) {
                long fives = (long) Math.floor(live.elapsedSeconds() / 5);
                if (fives <= printed) {
                    continue;
                }
                printed = fives;
            }
            String line = line(live);
            synchronized (out) {
                if (terminal) {
                    out.print("\r" + line + "\u001b[K");
                } else {
                    out.println(line);
                }
                out.flush();
            }
        }
    }

    String line(LoadGenerator.Live live) {
        if (live.scheduled() == 0 && live.completed() == 0) {
            return "[ warm-up] opening connections before the clock starts";
        }
        double span = live.elapsedSeconds() - lastElapsed;
        double rate = span <= 0 ? 0 : (live.completed() - lastCompleted) / span;
        lastCompleted = live.completed();
        lastElapsed = live.elapsedSeconds();
        long answered = live.completed();
        double errorShare = answered + live.dropped() == 0 ? 0 : 100.0 * (live.failed() + live.dropped()) / (answered + live.dropped());
        return String.format(Locale.ROOT, "[%6.1fs] %7.1f req/s  sent %d  errors %d (%.2f%%)  dropped %d  in flight %d  p99 %s",
                live.elapsedSeconds(), rate, answered, live.failed(), errorShare, live.dropped(), live.inFlight(),
                Double.isNaN(live.p99Millis()) ? "-" : dev.scaler.report.Format.millis(live.p99Millis()));
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            synchronized (out) {
                out.print("\r\u001b[K");
                out.flush();
            }
        }
    }
}
