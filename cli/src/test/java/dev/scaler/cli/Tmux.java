package dev.scaler.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real pseudo-terminal: a tmux server of the test's own (its own socket, so other sessions are never touched)
 * with one window; keys go in with send-keys, the screen comes out with capture-pane.
 */
final class Tmux implements AutoCloseable {
    private final String socket;

    /** A bash --norc prompt of 160x50 in {@code dir}, with {@code env} set. */
    Tmux(String socket, Path dir, Map<String, String> env) {
        this.socket = socket;
        var command = new ArrayList<>(List.of("new-session", "-d", "-s", "t", "-x", "160", "-y", "50", "-c",
                dir.toString()));
        env.forEach((k, v) -> command.addAll(List.of("-e", k + "=" + v)));
        command.addAll(List.of("bash", "--norc", "--noprofile"));
        tmux(command);
    }

    /** Types text as it is (no key names). */
    void type(String text) {
        tmux(List.of("send-keys", "-t", "t", "-l", text));
    }

    /** Presses keys by tmux's names: Tab, Enter, Up, C-c, C-d. */
    void press(String... keys) {
        var command = new ArrayList<>(List.of("send-keys", "-t", "t"));
        command.addAll(List.of(keys));
        tmux(command);
    }

    /** The visible screen, wrapped lines joined, trailing blank lines dropped. */
    String screen() {
        return tmux(List.of("capture-pane", "-p", "-J", "-t", "t")).stripTrailing();
    }

    /** Waits until the screen contains {@code text}; fails with the screen after {@code timeout}. */
    String await(String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String screen = screen();
            if (screen.contains(text)) {
                return screen;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the screen never showed '" + text + "':\n" + screen);
            }
            Thread.sleep(100);
        }
    }

    /** Empties the screen and its history, so the next await sees only what comes after. */
    void clear() {
        tmux(List.of("send-keys", "-t", "t", "-R"));
        tmux(List.of("clear-history", "-t", "t"));
    }

    private String tmux(List<String> args) {
        var command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(args);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        tmux(List.of("kill-server"));
    }
}
