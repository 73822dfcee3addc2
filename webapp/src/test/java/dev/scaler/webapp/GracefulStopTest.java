package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM does (the shutdown hook calls {@link WebApp#stop}): not ready, no new connections, the request in
 * flight answered in full, idle keep-alive connections closed, then the stop returns.
 */
class GracefulStopTest {

    /** A session store whose logins wait until the test lets them go: a request held in flight. */
    private static final class HeldLogins extends ForwardingStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Session create(String user) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.create(user);
        }
    }

    /** Delegates to an in-memory store. */
    private static class ForwardingStore implements SessionStore {
        private final InMemorySessionStore store = new InMemorySessionStore();

        @Override
        public Session create(String user) {
            return store.create(user);
        }

        @Override
        public Optional<Session> find(String id) {
            return store.find(id);
        }

        @Override
        public void delete(String id) {
            store.delete(id);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void stopFinishesTheRequestInFlightClosesIdleConnectionsAndRefusesNewOnes() throws Exception {
        var sessions = new HeldLogins();
        WebApp app = WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()),
                sessions);
        int port = app.port();
        try (Socket idle = new Socket("127.0.0.1", port); Socket busy = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(15_000);
            busy.setSoTimeout(15_000);
            // The idle connection has served one request and is kept alive, as HAProxy keeps its server connections.
            send(idle, "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
            var idleIn = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(idleIn.readLine()).isEqualTo("HTTP/1.1 200 OK");
            skipResponse(idleIn);

            send(busy, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 8\r\n\r\nuser=ann");
            assertThat(sessions.entered.await(10, TimeUnit.SECONDS)).as("the login is in flight").isTrue();

            Thread stopper = Thread.ofVirtual().start(() -> app.stop(Duration.ofSeconds(20)));
            awaitRefused(port);
            assertThat(stopper.isAlive()).as("the stop waits for the request in flight").isTrue();

            sessions.release.countDown();
            var busyIn = new BufferedReader(new InputStreamReader(busy.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(busyIn.readLine()).as("the request in flight is answered").isEqualTo("HTTP/1.1 200 OK");

            stopper.join(Duration.ofSeconds(15));
            assertThat(stopper.isAlive()).as("the stop ends once nothing is in flight, long before its grace").isFalse();
            assertThat(readToEnd(idleIn)).as("the idle keep-alive connection is closed by the server").isTrue();
        }
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void skipResponse(BufferedReader in) throws IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skip(length);
    }

    /** True when the server closed the connection (end of stream or a reset). */
    private static boolean readToEnd(BufferedReader in) {
        try {
            while (in.read() >= 0) {
                // nothing more was asked on it; anything read would be a stray answer
            }
            return true;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
