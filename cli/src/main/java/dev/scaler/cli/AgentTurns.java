package dev.scaler.cli;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * The failover agent's rounds and `scaler failover`'s promotion take turns, so the two never re-point the same node at
 * once: both run in the agent's container (the promotion by `docker exec`), and each holds an exclusive lock on one
 * file while it acts. The agent stands back while a promotion by hand runs, and finds the new primary on its next
 * round; a promotion waits for the round in progress. The operating system drops the lock when a process dies, so a
 * crash never leaves the agent blocked.
 */
final class AgentTurns {
    /** The lock file in the agent's container. */
    static final Path LOCK = Path.of("/tmp/scaler-agent.lock");

    private AgentTurns() {
    }

    /** Runs {@code work} while holding the lock on {@code lock}, waiting for whoever holds it now. */
    static <T> T take(Path lock, Callable<T> work) throws Exception {
        try (var channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var held = channel.lock()) {
            return work.call();
        }
    }
}
