package dev.scaler.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small blocking HTTP/1.1 client for plain http:// targets: one request per connection at a time, kept-alive
 * connections pooled per host, meant for virtual threads (a blocked read parks the virtual thread, not a carrier).
 * Measured against the JDK's java.net.http on loopback it sends several times more requests per CPU second, which is
 * what an open-model generator needs to keep its schedule. A pooled connection the server had already closed (no byte
 * of an answer) is retried once on a new connection, as browsers do.
 */
public final class PlainHttp implements Http {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Pooled connections idle longer than this are closed rather than reused (servers close idle ones too). */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(4).toNanos();

    private final Duration connectTimeout;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long lastUsed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Thrown when a reused connection turned out closed before any byte of the answer. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super("the kept-alive connection was closed by the server", cause);
        }
    }

    public PlainHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Response send(String method, URI uri, String contentType, String body, String cookie, Duration timeout)
            throws IOException, InterruptedException {
        if (!"http".equals(uri.getScheme())) {
            throw new IOException("only http:// targets are supported, not " + uri);
        }
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String key = host + ":" + port;
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = request(method, uri, host, port, contentType, body, cookie);
        Connection pooled = take(key);
        if (pooled != null) {
            try {
                return exchange(pooled, key, request, method, deadline, true);
            } catch (StaleConnection stale) {
                // fall through to a new connection
            }
        }
        return exchange(connect(host, port, deadline), key, request, method, deadline, false);
    }

    private Connection take(String key) {
        var deque = idle.get(key);
        if (deque == null) {
            return null;
        }
        for (Connection c = deque.pollFirst(); c != null; c = deque.pollFirst()) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private Connection connect(String host, int port, long deadline) throws IOException {
        long left = Math.min(connectTimeout.toMillis(), millisLeft(deadline));
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, left));
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static long millisLeft(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return left;
    }

    private Response exchange(Connection c, String key, byte[] request, String method, long deadline, boolean reused)
            throws IOException {
        boolean keep = false;
        try {
            try {
                c.socket.setSoTimeout((int) millisLeft(deadline));
                c.out.write(request);
                c.out.flush();
                c.in.mark(1);
                if (c.in.read() == -1) {
                    throw new EOFException("connection closed before an answer");
                }
                c.in.reset();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw reused ? new StaleConnection(e) : e;
            }
            String status = line(c, deadline);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new HashMap<>();
            int headerBytes = 0;
            for (String h = line(c, deadline); !h.isEmpty(); h = line(c, deadline)) {
                headerBytes += h.length();
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("headers larger than " + MAX_HEADER_BYTES + " bytes");
                }
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(h.substring(colon + 1).strip());
                }
            }
            byte[] bytes;
            String encoding = first(headers, "transfer-encoding");
            String length = first(headers, "content-length");
            boolean close = "close".equalsIgnoreCase(first(headers, "connection")) || parts[0].equals("HTTP/1.0");
            if (method.equals("HEAD") || code == 204 || code == 304 || code / 100 == 1) {
                bytes = new byte[0];
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                bytes = chunked(c, deadline);
            } else if (length != null) {
                bytes = exactly(c, Integer.parseInt(length.strip()), deadline);
            } else {
                bytes = untilClose(c, deadline);
                close = true;
            }
            keep = !close;
            return new Response(code, new String(bytes, StandardCharsets.UTF_8), headers);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed answer: " + e.getMessage(), e);
        } finally {
            if (keep && !closed) {
                c.lastUsed = System.nanoTime();
                idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).offerFirst(c);
            } else {
                c.close();
            }
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        var values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] request(String method, URI uri, String host, int port, String contentType, String body,
            String cookie) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(port == 80 ? "" : ":" + port).append("\r\nUser-Agent: scaler-load\r\nAccept: */*\r\n");
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (content != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length)
                    .append("\r\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (content == null) {
            return h;
        }
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    private static void timeLeft(Connection c, long deadline) throws IOException {
        c.socket.setSoTimeout((int) millisLeft(deadline));
    }

    private static String line(Connection c, long deadline) throws IOException {
        var out = new StringBuilder(64);
        while (true) {
            int b = c.in.read();
            if (b == -1) {
                throw new EOFException("connection closed in the middle of an answer");
            }
            if (b == '\n') {
                int n = out.length();
                return n > 0 && out.charAt(n - 1) == '\r' ? out.substring(0, n - 1) : out.toString();
            }
            out.append((char) b);
            if (out.length() > MAX_HEADER_BYTES) {
                throw new IOException("an answer line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if ((out.length() & 1023) == 0) {
                timeLeft(c, deadline);
            }
        }
    }

    private static byte[] exactly(Connection c, int length, long deadline) throws IOException {
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new IOException("a body of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            timeLeft(c, deadline);
            int n = c.in.read(bytes, read, length - read);
            if (n == -1) {
                throw new EOFException("connection closed after " + read + " of " + length + " body bytes");
            }
            read += n;
        }
        return bytes;
    }

    private static byte[] chunked(Connection c, long deadline) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            String size = line(c, deadline);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            if (n == 0) {
                for (String trailer = line(c, deadline); !trailer.isEmpty(); trailer = line(c, deadline)) {
                    // trailers are not used
                }
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BODY_BYTES) {
                throw new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(exactly(c, n, deadline));
            line(c, deadline);
        }
    }

    private static byte[] untilClose(Connection c, long deadline) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            timeLeft(c, deadline);
            int n = c.in.read(buffer);
            if (n == -1) {
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BODY_BYTES) {
                throw new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(d -> {
            for (Connection c = d.pollFirst(); c != null; c = d.pollFirst()) {
                c.close();
            }
        });
    }
}
