package dev.scaler.engine;

/** What a command run inside a container returned: its exit code and what it printed. */
public record Exec(int exitCode, String output) {
    /** True when it exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
