package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent and `scaler failover` are two processes in one container: a turn taken in one makes the other wait until
 * it ends, and a process that dies holding the lock does not block the next.
 */
class AgentTurnsTest {
    private static final long HOLD_MS = 1500;

    /** Another process: takes the turn, says so, holds it for the given milliseconds, then exits. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            AgentTurns.take(Path.of(args[0]), () -> {
                System.out.println("held");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
                return null;
            });
        }
    }

    private static Process holder(Path lock, long millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
                lock.toString(), Long.toString(millis)).redirectErrorStream(true).start();
        var line = new BufferedReader(new InputStreamReader(process.getInputStream())).readLine();
        assertThat(line).as("the other process took its turn").isEqualTo("held");
        return process;
    }

    @Test
    void aTurnWaitsForTheOtherProcessToEndItsTurn(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("agent.lock");
        Process other = holder(lock, HOLD_MS);
        long start = System.nanoTime();

        String ran = AgentTurns.take(lock, () -> "ran");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(ran).isEqualTo("ran");
        // The other process said "held" just before holding on for HOLD_MS: this turn began only after that.
        assertThat(waitedMs).as("waited for the other turn").isGreaterThanOrEqualTo(HOLD_MS - 300);
        assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aProcessKilledDuringItsTurnDoesNotBlockTheNext(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("agent.lock");
        Process other = holder(lock, 60_000);
        other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long start = System.nanoTime();

        String ran = AgentTurns.take(lock, () -> "ran");

        assertThat(ran).isEqualTo("ran");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no wait for a dead holder").isLessThan(2000);
    }
}
