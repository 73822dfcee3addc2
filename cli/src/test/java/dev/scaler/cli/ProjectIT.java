package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.EngineIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every integration test of one project shares: a directory of its own (the state directory is in it), the
 * engine, a free port for the load balancer, and none of the project's containers, networks or volumes before or
 * after it.
 */
abstract class ProjectIT extends EngineIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    Docker docker;

    /** A free port for the project's load balancer; the ports {@link #alsoFree()} above it are free too. */
    int port;

    /** The project's name. */
    abstract String project();

    /** Offsets above {@link #port} that must be free as well (a cdn at port + 100, a second datacenter at + 1). */
    int[] alsoFree() {
        return new int[0];
    }

    @BeforeEach
    final void clearProject() throws IOException {
        docker = new Docker();
        // Whatever an earlier, crashed run of this test left, removed by label as `down` does.
        docker.clear(project());
        System.setProperty("scaler.stateDir", dir.resolve(".scaler").toString());
        port = freePort(alsoFree());
    }

    @AfterEach
    final void leaveNothing() {
        try {
            docker.clear(project());
            assertThat(docker.leftovers(project())).as("what the project left on the engine").isEmpty();
        } finally {
            docker.close();
            System.clearProperty("scaler.stateDir");
        }
    }

    /** Logs {@code user} in through the load balancer at {@code port}; the session cookie, or an AssertionError. */
    static String login(int port, String user) throws IOException, InterruptedException {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(3))
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of %s: %s", user, r.body()).isEqualTo(200);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /**
     * Polls {@code condition} every 250 ms until it holds; an exception or a failed assertion inside counts as "not
     * yet". At the deadline the test fails naming {@code what}, with the last failure as the cause.
     */
    static void eventually(Duration within, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + within, last);
    }

    /** A port the system gives as free, with every port at these offsets above it free too. */
    static int freePort(int... offsets) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (var s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (allFree(p, offsets)) {
                return p;
            }
        }
        throw new IOException("no free port with " + java.util.Arrays.toString(offsets) + " above it free too");
    }

    private static boolean allFree(int p, int... offsets) {
        for (int offset : offsets) {
            if (p + offset > 65535) {
                return false;
            }
            try (var s = new ServerSocket(p + offset)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
