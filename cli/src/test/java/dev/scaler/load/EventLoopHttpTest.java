package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The event-loop HTTP/1.1 client against a raw loopback server that answers exactly as each test scripts it. */
class EventLoopHttpTest {

    /** Answers each request on a connection with {@code answer.apply(n)} (n counts requests); null closes it. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        RawServer(IntFunction<String> answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(s, answer));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s, IntFunction<String> answer) {
            try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                while (true) {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    while (line != null && !line.isEmpty()) {
                        line = in.readLine();
                    }
                    String a = answer.apply(requests.incrementAndGet());
                    if (a == null) {
                        return;
                    }
                    s.getOutputStream().write(a.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    if (a.contains("Connection: close")) {
                        return;
                    }
                }
            } catch (IOException ignored) {
                // the test decides
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void keptAliveConnectionsAreReusedAndChunkedBodiesDecoded() throws Exception {
        try (var server = new RawServer(n -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1; Path=/\r\n\r\n"
                + "4\r\n{\"in\r\n9;x=y\r\nstance\":1\r\n1\r\n}\r\n0\r\n\r\n"); var http = new EventLoopHttp(SECOND, 256, 1)) {
            for (int i = 0; i < 3; i++) {
                var r = http.send("GET", server.uri("/whoami"), null, null, null, SECOND);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"instance\":1}");
                assertThat(r.header("Set-Cookie")).contains("a=1; Path=/");
            }
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsRetriedOnceOnANewOne() throws Exception {
        // Every second request finds its connection closed without an answer, as after a server's idle timeout.
        try (var server = new RawServer(n -> n % 2 == 0 ? null : "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
                var http = new EventLoopHttp(SECOND, 256, 1)) {
            for (int i = 0; i < 3; i++) {
                var r = http.send("POST", server.uri("/notes"), "application/json", "{\"text\":\"x\"}", "s=1", SECOND);
                assertThat(r.status()).isEqualTo(201);
                assertThat(r.body()).isEqualTo("ok");
            }
        }
    }

    @Test
    void aBodyWithoutLengthRunsToTheConnectionsClose() throws Exception {
        try (var server = new RawServer(n -> "HTTP/1.0 503 Service Unavailable\r\nConnection: close\r\n\r\ndown");
                var http = new EventLoopHttp(SECOND, 256, 1)) {
            var r = http.send("GET", server.uri("/"), null, null, null, SECOND);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("down");
        }
    }

    @Test
    void refusedTimedOutAndBrokenConnectionsHaveTheirKinds() throws Exception {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (var http = new EventLoopHttp(SECOND, 256, 1)) {
            assertThatThrownBy(() -> http.send("GET", URI.create("http://127.0.0.1:" + closed + "/"), null, null, null, SECOND))
                    .isInstanceOfSatisfying(IOException.class, e -> assertThat(Failures.classify(e))
                            .isEqualTo(FailureKind.REFUSED));
            try (var silent = new RawServer(n -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })) {
                assertThatThrownBy(() -> http.send("GET", silent.uri("/"), null, null, null, Duration.ofMillis(100)))
                        .isInstanceOfSatisfying(IOException.class, e -> assertThat(Failures.classify(e))
                                .isEqualTo(FailureKind.TIMEOUT));
            }
            try (var rude = new RawServer(n -> null)) {
                assertThatThrownBy(() -> http.send("GET", rude.uri("/"), null, null, null, SECOND))
                        .isInstanceOfSatisfying(IOException.class, e -> assertThat(Failures.classify(e))
                                .isEqualTo(FailureKind.RESET));
            }
            try (var half = new RawServer(n -> "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\nabc")) {
                assertThatThrownBy(() -> http.send("GET", half.uri("/"), null, null, null, SECOND))
                        .isInstanceOfSatisfying(IOException.class, e -> assertThat(Failures.classify(e))
                                .isEqualTo(FailureKind.RESET));
            }
        }
    }

    @Test
    void aTargetGetsAtMostItsPoolOfConnectionsAndRequestsBeyondItWaitTheirTurnWithinTheirTimeout() throws Exception {
        // Each answer takes 150 ms; 6 requests at once on a pool of 2 connections: served two at a time.
        try (var server = new RawServer(n -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        }); var http = new EventLoopHttp(SECOND, 2, 1)) {
            var answered = new AtomicInteger();
            var threads = new java.util.ArrayList<Thread>();
            for (int i = 0; i < 6; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        if (http.send("GET", server.uri("/"), null, null, null, Duration.ofSeconds(5)).status() == 200) {
                            answered.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(answered.get()).isEqualTo(6);
            assertThat(server.connections.get()).isEqualTo(2);
            // Both connections busy for 150 ms: a request that may wait only 50 ms for one times out.
            var busy = new java.util.ArrayList<Thread>();
            for (int i = 0; i < 2; i++) {
                busy.add(Thread.ofVirtual().start(() -> {
                    try {
                        http.send("GET", server.uri("/"), null, null, null, SECOND);
                    } catch (IOException | InterruptedException ignored) {
                        // only there to keep both connections busy
                    }
                }));
            }
            Thread.sleep(30);
            assertThatThrownBy(() -> http.send("GET", server.uri("/"), null, null, null, Duration.ofMillis(50)))
                    .isInstanceOfSatisfying(IOException.class, e -> assertThat(Failures.classify(e))
                            .isEqualTo(FailureKind.TIMEOUT));
            for (Thread t : busy) {
                t.join();
            }
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }
}
