package dev.scaler.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the in-memory engines of the unit tests share: the list of calls a test reads back, and the answers no test
 * varies (a machine of 8 GiB, no memory figures, no registry to pull from, renames only recorded, no container that
 * has exited, nothing to copy out).
 */
public abstract class RecordingEngine implements Engine {
    /** Every call that changes something, in order, as "verb name". */
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void rename(String id, String name) {
        calls.add("rename " + id + " " + name);
    }

    @Override
    public long memoryTotal() {
        return 8L << 30;
    }

    @Override
    public int cpus() {
        return 2;
    }

    @Override
    public OptionalLong memoryUsage(String id) {
        return OptionalLong.empty();
    }

    @Override
    public boolean pull(String image, Duration timeout) {
        return false;
    }

    @Override
    public java.util.OptionalInt exitCode(String id) {
        return java.util.OptionalInt.empty();
    }

    @Override
    public java.util.Map<String, byte[]> copyOut(String id, String directory) {
        return java.util.Map.of();
    }

    @Override
    public void close() {
    }
}
