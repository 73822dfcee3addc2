package dev.scaler.cli;

import dev.scaler.engine.Progress;
import java.io.PrintWriter;

/** Prints each step as a timestamped line, which reads the same on a terminal and in a CI log. */
final class ProgressPrinter implements Progress {
    private final PrintWriter out;
    private final long start = System.nanoTime();

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void step(String object, String what) {
        out.printf("[%6.1fs] %-28s %s%n", seconds(), object, what);
        out.flush();
    }

    /** Seconds since this printer was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
