package dev.scaler.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the in-memory engines of the unit tests share: the list of calls a test reads back, and the answers no test
 * varies (a machine of 8 GiB, no memory figures, no registry to pull from, renames only recorded).
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
    public OptionalLong memoryUsage(String id) {
        return OptionalLong.empty();
    }

    @Override
    public boolean pull(String image, Duration timeout) {
        return false;
    }

    @Override
    public void close() {
    }
}
