package dev.scaler.load;

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
 * connections pooled per target, meant for virtual threads (a blocked read parks the virtual thread, not a carrier).
 * Each target has at most {@code maxConnections} connections, as a browser has a few per host: a request that finds
 * them all busy waits its turn (first come, first served) within its own timeout, so a slow target does not make the
 * generator open thousands of sockets and spend its time connecting. A pooled connection the server had already
 * closed (no byte of an answer) is retried once on a new connection, as browsers do.
 */
public final class PlainHttp implements Http {
    /** Connections per target unless told otherwise: far above what a laptop topology answers concurrently. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Pooled connections idle longer than this are closed rather than reused (servers close idle ones too). */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(4).toNanos();

    private final Duration connectTimeout;
    private final int maxConnections;
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** One target's connections: the idle ones (most recently used first) and the permits to have one. */
    private static final class Pool {
        final String host;
        final int port;
        /** "Host: ...\r\nUser-Agent: ...\r\nAccept: ...\r\n", the same for every request to this target. */
        final String fixedHeaders;
        final FifoPermits permits;
        final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

        Pool(String host, int port, int maxConnections) {
            this.host = host;
            this.port = port;
            this.fixedHeaders = "Host: " + host + (port == 80 ? "" : ":" + port) + "\r\nUser-Agent: scaler-load\r\n"
                    + "Accept: */*\r\n";
            this.permits = new FifoPermits(maxConnections);
        }
    }

    /** A socket and its read buffer: answers are parsed from the buffer, not byte by byte from a stream. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buffer = new byte[16 * 1024];
        int pos;
        int limit;
        long lastUsed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads more into the buffer (compacting it first); false at the end of the stream. */
        boolean fill(long deadline) throws IOException {
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buffer.length) {
                throw new IOException("an answer line longer than " + buffer.length + " bytes");
            }
            socket.setSoTimeout((int) millisLeft(deadline));
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                return false;
            }
            limit += n;
            return true;
        }

        /** One line without its CR LF. */
        String line(long deadline) throws IOException {
            int scanned = 0; // bytes after pos known to hold no line end (fill moves pos, not them)
            while (true) {
                for (int i = pos + scanned; i < limit; i++) {
                    if (buffer[i] == '\n') {
                        int end = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        return line;
                    }
                }
                scanned = limit - pos;
                if (!fill(deadline)) {
                    throw new EOFException("connection closed in the middle of an answer");
                }
            }
        }

        /** Exactly {@code length} bytes into {@code into} at {@code offset}. */
        void exactly(byte[] into, int offset, int length, long deadline) throws IOException {
            int read = 0;
            while (read < length) {
                if (pos == limit && !fill(deadline)) {
                    throw new EOFException("connection closed after " + read + " of " + length + " body bytes");
                }
                int n = Math.min(length - read, limit - pos);
                System.arraycopy(buffer, pos, into, offset + read, n);
                pos += n;
                read += n;
            }
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
        this(connectTimeout, DEFAULT_MAX_CONNECTIONS);
    }

    public PlainHttp(Duration connectTimeout, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least one connection per target, not " + maxConnections);
        }
        this.connectTimeout = connectTimeout;
        this.maxConnections = maxConnections;
    }

    @Override
    public Response send(String method, URI uri, String contentType, String body, String cookie, Duration timeout)
            throws IOException, InterruptedException {
        if (!"http".equals(uri.getScheme())) {
            throw new IOException("only http:// targets are supported, not " + uri);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Pool pool = pools.computeIfAbsent(uri.getRawAuthority(),
                k -> new Pool(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort(), maxConnections));
        if (!pool.permits.acquire(deadline - System.nanoTime())) {
            throw new SocketTimeoutException("timed out waiting for one of the " + maxConnections
                    + " connections to " + uri.getRawAuthority());
        }
        try {
            byte[] request = request(method, uri, pool, contentType, body, cookie);
            Connection pooled = take(pool);
            if (pooled != null) {
                try {
                    return exchange(pooled, pool, request, method, deadline, true);
                } catch (StaleConnection stale) {
                    // fall through to a new connection
                }
            }
            return exchange(connect(pool, deadline), pool, request, method, deadline, false);
        } finally {
            pool.permits.release();
        }
    }

    private static Connection take(Pool pool) {
        for (Connection c = pool.idle.pollFirst(); c != null; c = pool.idle.pollFirst()) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private Connection connect(Pool pool, long deadline) throws IOException {
        long left = Math.min(connectTimeout.toMillis(), millisLeft(deadline));
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(pool.host, pool.port), (int) Math.max(1, left));
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

    private Response exchange(Connection c, Pool pool, byte[] request, String method, long deadline, boolean reused)
            throws IOException {
        boolean keep = false;
        try {
            try {
                c.pos = 0;
                c.limit = 0;
                c.out.write(request);
                if (!c.fill(deadline)) {
                    throw new EOFException("connection closed before an answer");
                }
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw reused ? new StaleConnection(e) : e;
            }
            String status = c.line(deadline);
            int firstSpace = status.indexOf(' ');
            if (firstSpace < 0 || !status.startsWith("HTTP/1.") || status.length() < firstSpace + 4) {
                throw new IOException("not an HTTP/1.x answer: " + status);
            }
            int code = Integer.parseInt(status, firstSpace + 1, firstSpace + 4, 10);
            Map<String, List<String>> headers = new HashMap<>();
            int headerBytes = 0;
            for (String h = c.line(deadline); !h.isEmpty(); h = c.line(deadline)) {
                headerBytes += h.length();
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("headers larger than " + MAX_HEADER_BYTES + " bytes");
                }
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                            .add(h.substring(colon + 1).strip());
                }
            }
            byte[] bytes;
            String encoding = first(headers, "transfer-encoding");
            String length = first(headers, "content-length");
            boolean close = "close".equalsIgnoreCase(first(headers, "connection")) || status.startsWith("HTTP/1.0");
            if (method.equals("HEAD") || code == 204 || code == 304 || code / 100 == 1) {
                bytes = new byte[0];
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                bytes = chunked(c, deadline);
            } else if (length != null) {
                int n = Integer.parseInt(length.strip());
                if (n < 0 || n > MAX_BODY_BYTES) {
                    throw new IOException("a body of " + n + " bytes");
                }
                bytes = new byte[n];
                c.exactly(bytes, 0, n, deadline);
            } else {
                bytes = untilClose(c, deadline);
                close = true;
            }
            // Bytes after the answer would be an answer to nothing: do not reuse such a connection.
            keep = !close && c.pos == c.limit;
            return new Response(code, new String(bytes, StandardCharsets.UTF_8), headers);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed answer: " + e.getMessage(), e);
        } finally {
            if (keep && !closed) {
                c.lastUsed = System.nanoTime();
                pool.idle.offerFirst(c);
            } else {
                c.close();
            }
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        var values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] request(String method, URI uri, Pool pool, String contentType, String body, String cookie) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(192).append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n").append(pool.fixedHeaders);
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

    private static byte[] chunked(Connection c, long deadline) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            String size = c.line(deadline);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            if (n == 0) {
                for (String trailer = c.line(deadline); !trailer.isEmpty(); trailer = c.line(deadline)) {
                    // trailers are not used
                }
                return out.toByteArray();
            }
            if (n < 0 || out.size() + n > MAX_BODY_BYTES) {
                throw new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
            }
            byte[] chunk = new byte[n];
            c.exactly(chunk, 0, n, deadline);
            out.write(chunk);
            c.line(deadline);
        }
    }

    private static byte[] untilClose(Connection c, long deadline) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            out.write(c.buffer, c.pos, c.limit - c.pos);
            c.pos = c.limit;
            if (out.size() > MAX_BODY_BYTES) {
                throw new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (!c.fill(deadline)) {
                return out.toByteArray();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(p -> {
            for (Connection c = p.idle.pollFirst(); c != null; c = p.idle.pollFirst()) {
                c.close();
            }
        });
    }
}
