package dev.scaler.webapp;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running web app: the HTTP server with its routes, started and stopped as one. */
public final class WebApp implements AutoCloseable {
    /**
     * Long enough for in-flight requests (every call to Redis or a database times out within about a second), short
     * enough that `docker stop` (5 s in scaler) never reaches its kill; the stop ends as soon as the last one is done.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(4);
    // Connections queued while all handlers are busy; load tests open many at once.
    private static final int BACKLOG = 512;

    /** Where Prometheus (and `scaler top`) read the app's vital signs. */
    static final String METRICS_PATH = "/metrics";

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    static {
        SlowClients.bound(); // before the first HttpServer reads its limits
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String instance;
    private final Router router;
    private final Readiness readiness;

    private WebApp(HttpServer server, ExecutorService executor, String instance, Router router, Readiness readiness) {
        this.server = server;
        this.executor = executor;
        this.instance = instance;
        this.router = router;
        this.readiness = readiness;
    }

    /** Binds 0.0.0.0 on the configured port (0 picks a free one) and serves until stopped. */
    public static WebApp start(Config config, SessionStore sessions) throws IOException {
        return start(config, sessions, Optional.empty(), Optional.empty(), new AppMetrics(), Readiness.always());
    }

    /**
     * The same, with the notes API served by {@code notes}, logins recorded in {@code users}, and the vital signs
     * that {@code metrics} gathers (pools register there) served at GET /metrics, and GET /readyz answering what
     * {@code readiness} says.
     */
    static WebApp start(Config config, SessionStore sessions, Optional<Notes> notes, Optional<UserDirectory> users,
            AppMetrics metrics, Readiness readiness) throws IOException {
        return start(config, sessions, notes, users, Optional.empty(), metrics, readiness);
    }

    /** The same, with digest jobs of notes submitted and read through {@code jobs}. */
    static WebApp start(Config config, SessionStore sessions, Optional<Notes> notes, Optional<UserDirectory> users,
            Optional<Jobs> jobs, AppMetrics metrics, Readiness readiness) throws IOException {
        NotesHandler notesHandler = new NotesHandler(sessions, notes);
        JobsHandler jobsHandler = new JobsHandler(sessions, jobs, metrics);
        Router router = new Router(config.instance(), metrics)
                .route("GET", "/", new IndexHandler(config.instance(), config.datacenter(), config.cdnUrl()))
                .route("GET", "/healthz", new HealthHandler())
                .route("GET", "/readyz", new ReadyHandler(readiness))
                .route("GET", "/whoami", new WhoAmIHandler(config.instance(), config.datacenter()))
                .route("POST", "/login", new LoginHandler(sessions, config.instance(), users))
                .route("GET", "/me", new MeHandler(sessions, config.instance()))
                .route("GET", "/account", new AccountHandler(sessions, users, config.instance()))
                .route("POST", "/logout", new LogoutHandler(sessions))
                .route("POST", "/notes", notesHandler::create)
                .route("GET", "/notes", notesHandler::list)
                .routePrefix("GET", NotesHandler.PREFIX, notesHandler::read)
                .routePrefix("PUT", NotesHandler.PREFIX, notesHandler::update)
                .route("POST", "/jobs", jobsHandler::submit)
                .routePrefix("GET", JobsHandler.PREFIX, jobsHandler::status);

        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", config.port()), BACKLOG);
        // Handlers block on Redis; a virtual thread per request makes that blocking cheap.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", router);
        // The Prometheus client's own handler: content negotiation (text, OpenMetrics, protobuf) and gzip.
        server.createContext(METRICS_PATH, new MetricsRoute(METRICS_PATH, new MetricsHandler(metrics.registry()), router));
        server.start();

        WebApp app = new WebApp(server, executor, config.instance(), router, readiness);
        LOG.info("scaler webapp listening on 0.0.0.0:{} instance={} datacenter={} redis={} password={} notes={}{}",
                app.port(), config.instance(), config.datacenter(),
                config.sentinel().map(Object::toString).orElse(config.redis().toString()),
                config.redisPassword().isPresent() ? "set" : "none", notes.isPresent() ? "on" : "off (no database)",
                config.redisVia().routes().isEmpty() ? "" :  " redis-via=" + config.redisVia());
        return app;
    }

    /** Every method and path served, as {@link Router#operations()} names them; webapp/openapi.yaml describes each. */
    Set<String> operations() {
        Set<String> all = new TreeSet<>(router.operations());
        all.add("GET " + METRICS_PATH);
        return all;
    }

    /** The bound port, which differs from the configured one when that was 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Says not ready, stops accepting (a new connection is refused, which HAProxy retries on another replica), lets
     * in-flight requests finish for at most {@code grace}, then closes every connection, idle keep-alive ones
     * included, and ends.
     */
    public void stop(Duration grace) {
        readiness.stopping();
        LOG.info("scaler webapp {} stopping", instance);
        // HttpServer takes whole seconds; round up so a sub-second grace still waits at all.
        server.stop((int) Math.max(0, (grace.toMillis() + 999) / 1000));
        executor.shutdownNow();
        LOG.info("scaler webapp {} stopped", instance);
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }
}
