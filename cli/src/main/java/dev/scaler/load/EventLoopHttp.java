package dev.scaler.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 client for plain http:// targets on Netty event loops (epoll where the machine has it, else Java NIO), as
 * wrk sends: each loop owns its connections, kept alive and pooled per target, and an answer is read when the kernel
 * says it is there, on the thread that sent the request, with no thread parked or woken in between. Each target has
 * at most {@code maxConnections} connections (shared out among the loops), as a browser has a few per host: a request
 * that finds them all busy waits its turn (first come, first served) within its own timeout, so a slow target does not
 * make the generator open thousands of sockets. A pooled connection the server had closed before answering is retried
 * once on a new connection, as browsers do. HEAD is not sent: the answer decoder knows no request's method, so it
 * would wait for a HEAD answer's body until the request times out.
 */
public final class EventLoopHttp implements Http {
    /** Connections per target unless told otherwise: far above what a laptop topology answers concurrently. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Pooled connections idle longer than this are closed rather than reused (servers close idle ones too). */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(4).toNanos();
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final DefaultHttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
            .withValidation(false);

    private final Duration connectTimeout;
    private final int perLoop;
    private final MultiThreadIoEventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final Loop[] loops;
    private final List<ScheduledExecutorService> executors;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private volatile boolean closed;

    /** One event loop and the pools it owns; a pool is only ever touched on its loop's thread. */
    private static final class Loop {
        final EventLoop executor;
        final Map<String, Pool> pools = new HashMap<>();

        Loop(EventLoop executor) {
            this.executor = executor;
        }
    }

    /** One target's connections on one loop: the idle ones (most recently used first) and the requests waiting. */
    private static final class Pool {
        final Loop loop;
        final String host;
        final int port;
        /** "Host: ...\r\nUser-Agent: ...\r\nAccept: ...\r\n", the same for every request to this target. */
        final String fixedHeaders;
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        /** Requests waiting for a connection; one that timed out stays until its turn and is skipped then. */
        final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
        /** Connections open or being opened. */
        int open;

        Pool(Loop loop, URI uri) {
            this.loop = loop;
            this.host = uri.getHost();
            this.port = uri.getPort() == -1 ? 80 : uri.getPort();
            this.fixedHeaders = "Host: " + host + (port == 80 ? "" : ":" + port) + "\r\nUser-Agent: scaler-load\r\n"
                    + "Accept: */*\r\n";
        }
    }

    /** One request and the future its answer completes. */
    private static final class Exchange {
        final String method;
        final URI uri;
        final String contentType;
        final String body;
        final String cookie;
        final long deadline;
        final CompletableFuture<Response> result = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        /** The connection carrying it, once it has one. */
        Connection on;
        boolean retried;

        Exchange(String method, URI uri, String contentType, String body, String cookie, long deadline) {
            this.method = method;
            this.uri = uri;
            this.contentType = contentType;
            this.body = body;
            this.cookie = cookie;
            this.deadline = deadline;
        }
    }

    public EventLoopHttp(Duration connectTimeout) {
        this(connectTimeout, DEFAULT_MAX_CONNECTIONS, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param maxConnections per target, shared out among the loops (each has at least one)
     * @param loops          event loops, each a thread
     */
    public EventLoopHttp(Duration connectTimeout, int maxConnections, int loops) {
        if (maxConnections < 1 || loops < 1) {
            throw new IllegalArgumentException("at least one connection per target and one loop, not " + maxConnections
                    + " and " + loops);
        }
        this.connectTimeout = connectTimeout;
        this.perLoop = Math.max(1, (maxConnections + loops - 1) / loops);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handler = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        // Daemon threads: a command that forgets to close the client still exits.
        this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("scaler-load", true), handler);
        var list = new ArrayList<Loop>();
        for (EventExecutor e : group) {
            list.add(new Loop((EventLoop) e));
        }
        this.loops = list.toArray(Loop[]::new);
        this.executors = list.stream().map(l -> (ScheduledExecutorService) l.executor).toList();
    }

    @Override
    public List<ScheduledExecutorService> loops() {
        return executors;
    }

    @Override
    public CompletableFuture<Response> exchange(String method, URI uri, String contentType, String body, String cookie,
            Duration timeout) {
        if (!"http".equals(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IOException("only http:// targets are supported, not " + uri));
        }
        var ex = new Exchange(method, uri, contentType, body, cookie, System.nanoTime() + timeout.toNanos());
        Loop here = current();
        if (here != null) {
            start(here, ex);
            return ex.result;
        }
        Loop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
        try {
            loop.executor.execute(() -> start(loop, ex));
        } catch (RejectedExecutionException e) {
            ex.result.completeExceptionally(new IOException("the HTTP client is closed", e));
        }
        return ex.result;
    }

    private Loop current() {
        for (Loop l : loops) {
            if (l.executor.inEventLoop()) {
                return l;
            }
        }
        return null;
    }

    private void start(Loop loop, Exchange ex) {
        if (closed) {
            ex.result.completeExceptionally(new IOException("the HTTP client is closed"));
            return;
        }
        long left = ex.deadline - System.nanoTime();
        if (left <= 0) {
            ex.result.completeExceptionally(new SocketTimeoutException("timed out"));
            return;
        }
        ex.timer = loop.executor.schedule(() -> timeOut(ex), left, TimeUnit.NANOSECONDS);
        Pool pool = loop.pools.computeIfAbsent(ex.uri.getRawAuthority(), k -> new Pool(loop, ex.uri));
        Connection c = takeIdle(pool);
        if (c != null) {
            c.carry(ex, true);
        } else if (pool.open < perLoop) {
            connect(pool, ex);
        } else {
            pool.waiting.addLast(ex);
        }
    }

    private static Connection takeIdle(Pool pool) {
        long now = System.nanoTime();
        for (Connection c = pool.idle.pollFirst(); c != null; c = pool.idle.pollFirst()) {
            if (c.channel.isActive() && now - c.lastUsed < MAX_IDLE_NANOS) {
                return c;
            }
            c.channel.close();
        }
        return null;
    }

    private void connect(Pool pool, Exchange ex) {
        pool.open++;
        long millis = Math.max(1, Math.min(connectTimeout.toMillis(), (ex.deadline - System.nanoTime()) / 1_000_000));
        var connection = new Connection(pool);
        new Bootstrap().group(pool.loop.executor).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) millis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connection.channel = ch;
                        // A decoder of answers only: requests go out as bytes (request()), never HEAD, so
                        // the decoder need not know each request's method as HttpClientCodec's does.
                        ch.pipeline().addLast(new HttpResponseDecoder(new HttpDecoderConfig()
                                .setMaxHeaderSize(MAX_HEADER_BYTES).setHeadersFactory(HEADERS)
                                .setTrailersFactory(TRAILERS)), connection);
                    }
                })
                .connect(pool.host, pool.port).addListener(done -> {
                    if (done.isSuccess()) {
                        if (ex.result.isDone()) {
                            connection.idle(); // too late for this request; the next one may use it
                        } else {
                            connection.carry(ex, false);
                        }
                    } else {
                        pool.open--; // never active, so channelInactive does not count it
                        ex.result.completeExceptionally(io(done.cause()));
                        cancelTimer(ex);
                        serveWaiting(pool);
                    }
                });
    }

    /** A connection closed: the first waiting request, if any, opens a new one. */
    private void serveWaiting(Pool pool) {
        while (pool.open < perLoop && !pool.waiting.isEmpty()) {
            Exchange w = pool.waiting.pollFirst();
            if (!w.result.isDone()) {
                connect(pool, w);
            }
        }
    }

    private static void timeOut(Exchange ex) {
        if (ex.result.completeExceptionally(new SocketTimeoutException("timed out"))) {
            Connection c = ex.on;
            if (c != null && c.current == ex) {
                c.current = null;
                c.channel.close(); // an answer may still be on its way: this connection cannot carry another one
            }
        }
    }

    private static void cancelTimer(Exchange ex) {
        if (ex.timer != null) {
            ex.timer.cancel(false);
        }
    }

    private static IOException io(Throwable t) {
        return t instanceof IOException e ? e : new IOException(String.valueOf(t.getMessage()), t);
    }

    /** One kept-alive connection: carries one request at a time and reads its answer as Netty decodes it. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        final Pool pool;
        Channel channel;
        Exchange current;
        boolean reused;
        /** The answer's head has arrived. */
        boolean answering;
        int status;
        HttpHeaders headers;
        boolean keepAlive;
        ByteBuf body;
        IOException cause;
        long lastUsed;

        Connection(Pool pool) {
            this.pool = pool;
        }

        void carry(Exchange ex, boolean reused) {
            ex.on = this;
            this.current = ex;
            this.reused = reused;
            this.answering = false;
            this.cause = null;
            channel.writeAndFlush(request(ex, pool), channel.voidPromise());
        }

        /** Back in the pool, or straight to the first request waiting for one. */
        void idle() {
            while (!pool.waiting.isEmpty()) {
                Exchange w = pool.waiting.pollFirst();
                if (!w.result.isDone()) {
                    carry(w, true);
                    return;
                }
            }
            lastUsed = System.nanoTime();
            if (closed) {
                channel.close();
            } else {
                pool.idle.offerFirst(this);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (current == null) {
                    channel.close(); // an answer to nothing (its request timed out): not a connection to reuse
                    return;
                }
                if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                    cause = new IOException("a malformed answer: " + o.decoderResult().cause().getMessage(),
                            o.decoderResult().cause());
                    channel.close();
                    return;
                }
                if (msg instanceof HttpResponse r) {
                    answering = true;
                    status = r.status().code();
                    headers = r.headers();
                    keepAlive = HttpUtil.isKeepAlive(r);
                }
                if (msg instanceof HttpContent c) {
                    ByteBuf content = c.content();
                    boolean last = msg instanceof LastHttpContent;
                    if (last && body == null) {
                        finish(content.toString(StandardCharsets.UTF_8));
                        return;
                    }
                    if (body == null) {
                        body = ctx.alloc().heapBuffer();
                    }
                    if (body.readableBytes() + content.readableBytes() > MAX_BODY_BYTES) {
                        cause = new IOException("a body larger than " + MAX_BODY_BYTES + " bytes");
                        channel.close();
                        return;
                    }
                    body.writeBytes(content);
                    if (last) {
                        String text = body.toString(StandardCharsets.UTF_8);
                        body.release();
                        body = null;
                        finish(text);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void finish(String text) {
            Exchange ex = current;
            current = null;
            ex.on = null;
            HttpHeaders h = headers;
            var response = new Response(status, text, (Headers) h::getAll);
            headers = null;
            // Back in the pool first: what the answer sets off next may then reuse this connection.
            if (keepAlive) {
                idle();
            } else {
                channel.close();
            }
            cancelTimer(ex);
            ex.result.complete(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable t) {
            cause = io(t);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pool.open--;
            if (body != null) {
                body.release();
                body = null;
            }
            Exchange ex = current;
            current = null;
            if (ex != null && !ex.result.isDone()) {
                ex.on = null;
                if (reused && !answering && !ex.retried && !closed) {
                    ex.retried = true; // the server had closed it while idle: once more on a new connection
                    connect(pool, ex);
                } else {
                    cancelTimer(ex);
                    ex.result.completeExceptionally(cause != null ? cause
                            : new EOFException(answering ? "connection closed in the middle of an answer"
                                    : "connection closed before an answer"));
                }
            }
            serveWaiting(pool);
        }
    }

    /**
     * The request's bytes, written as they are: the fixed headers are the pool's, so nothing is encoded header by header
     * (Netty's request encoder cost a twentieth of the generator's time).
     */
    private static ByteBuf request(Exchange ex, Pool pool) {
        URI uri = ex.uri;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        byte[] content = ex.body == null ? null : ex.body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(160).append(ex.method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n").append(pool.fixedHeaders);
        if (ex.cookie != null) {
            head.append("Cookie: ").append(ex.cookie).append("\r\n");
        }
        if (content != null) {
            head.append("Content-Type: ").append(ex.contentType).append("\r\nContent-Length: ").append(content.length)
                    .append("\r\n");
        } else if (!ex.method.equals("GET")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return content == null ? Unpooled.wrappedBuffer(h) : Unpooled.wrappedBuffer(h, content);
    }

    @Override
    public void close() {
        closed = true;
        for (Loop l : loops) {
            try {
                l.executor.execute(() -> l.pools.values().forEach(p -> {
                    p.idle.forEach(c -> c.channel.close());
                    // Busy connections close with the loops (their requests fail then); waiting ones fail here.
                    p.waiting.forEach(w -> w.result.completeExceptionally(new IOException("the HTTP client is closed")));
                    p.waiting.clear();
                }));
            } catch (RejectedExecutionException alreadyClosed) {
                // nothing left to close
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
