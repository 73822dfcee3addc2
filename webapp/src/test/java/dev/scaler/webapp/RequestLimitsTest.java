package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a hostile or broken client gets: oversized bodies 413, bytes that are not text 400, slow clients cut off. */
class RequestLimitsTest {
    private WebApp app;

    @BeforeEach
    void start() throws IOException {
        app = WebApp.start(new Config(0, "web-1", "dc1", new RedisEndpoint("unused", 1), Optional.empty()),
                new InMemorySessionStore());
    }

    @AfterEach
    void stop() {
        app.stop(Duration.ZERO);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", app.port());
        socket.setSoTimeout(15_000); // a hang guard; every read below ends long before
        return socket;
    }

    /** Sends raw bytes and reads the answer until the server closes the connection. */
    private String exchange(byte[] request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] post(String path, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void aDeclaredLengthOverTheCapIs413BeforeTheBodyIsSent() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyOverTheCapIs413() throws IOException {
        String chunk = "x".repeat(8192);
        StringBuilder request = new StringBuilder("POST /login HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 3; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        assertThat(exchange(request.toString().getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 413").contains("body larger than 16384 bytes");
    }

    @Test
    void aFormThatIsNotUtf8Is400() throws IOException {
        byte[] body = {'u', 's', 'e', 'r', '=', 'a', (byte) 0xC3, 'b'};
        assertThat(exchange(post("/login", "application/x-www-form-urlencoded", body)))
                .startsWith("HTTP/1.1 400").contains("body is not valid UTF-8");
    }

    @Test
    void jsonThatIsNotUtf8Is400() throws IOException {
        byte[] body = {'{', '"', 'u', 's', 'e', 'r', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertThat(exchange(post("/login", "application/json", body)))
                .startsWith("HTTP/1.1 400").contains("body is not valid JSON");
    }

    @Test
    void jsonTakenForUtf32ThatIsNone400NotA500() throws IOException {
        // Three NULs make Jackson read UTF-32, and 0x7FFFFFFF is no character: it threw an IOException that is no
        // JsonProcessingException, which became a 500.
        byte[] body = {0, 0, 0, '"', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThat(exchange(post("/login", "application/json", body)))
                .startsWith("HTTP/1.1 400").contains("body is not valid JSON");
    }

    @Test
    void aClientThatStopsInTheMiddleOfItsHeadersIsCutOff() throws IOException {
        Duration bound = SlowClients.bound();
        assertThat(bound).as("surefire sets the bound for the tests").isEqualTo(Duration.ofSeconds(2));
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /whoami HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertThat(readUntilClosed(socket.getInputStream())).as("no answer, the connection is closed").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before the bound")
                    .isGreaterThanOrEqualTo(bound.minusMillis(100));
        }
    }

    @Test
    void aClientThatSendsNothingIsCutOff() throws IOException {
        try (Socket socket = connect()) {
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void aSlowClientWithinTheBoundIsServed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /whoami HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(300);
            out.write("Host: t\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(readUntilClosed(socket.getInputStream()), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200");
        }
    }

    /** Everything the server sends before it closes; a read timeout (15 s) fails the test. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 15 s", e);
        } catch (IOException reset) {
            return new byte[0]; // closed with a reset: as good as a close
        }
    }
}
