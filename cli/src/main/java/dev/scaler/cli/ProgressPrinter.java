package dev.scaler.cli;

import dev.scaler.engine.Progress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each step of long work ({@code up}, {@code down}, {@code images build}): on a terminal one line per container or
 * image, rewritten in place as it moves on; otherwise a timestamped line per step, which reads the same in a CI log;
 * nothing with --quiet. {@link OutputStyle} decides which.
 */
final class ProgressPrinter implements Progress {
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final OutputStyle display;
    private final long start = System.nanoTime();
    /** LIVE only: the last step of each object, in the order they first appeared. */
    private final Map<String, String> rows = new LinkedHashMap<>();
    private int drawn;

    ProgressPrinter(PrintWriter out, OutputStyle display) {
        this.out = out;
        this.display = display;
    }

    @Override
    public synchronized void step(String object, String what) {
        switch (display.mode()) {
            case QUIET -> {
            }
            case PLAIN -> out.println(line(seconds(), object, what, false));
            case LIVE -> {
                rows.put(object, line(seconds(), object, what, display.color()));
                redraw();
            }
        }
        out.flush();
    }

    /** A line that is not a step (a note from a script): above the live lines, or as a timestamped line. */
    synchronized void note(String text) {
        switch (display.mode()) {
            case QUIET -> {
            }
            case PLAIN -> out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), text);
            case LIVE -> {
                up();
                out.print(text + "\u001b[K\n");
                drawn = 0;
                redraw();
            }
        }
        out.flush();
    }

    /** Seconds since this printer was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void redraw() {
        up();
        rows.values().forEach(l -> out.print(l + "\u001b[K\n"));
        drawn = rows.size();
    }

    /** Back to the first live line (CPL: cursor to the start of the line N lines up). */
    private void up() {
        if (drawn > 0) {
            out.print("\u001b[" + drawn + "F");
        }
    }

    static String line(double seconds, String object, String what, boolean color) {
        String shown = !color ? what : done(what) ? GREEN + what + RESET : what.contains("removed") ? YELLOW + what
                + RESET : what;
        return String.format(Locale.ROOT, "[%6.1fs] %-28s %s", seconds, object, shown);
    }

    private static boolean done(String what) {
        return what.equals("healthy") || what.equals("running") || what.startsWith("built") || what.startsWith("cached")
                || what.endsWith("created");
    }
}
