package dev.scaler.webapp;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference worker's process ({@code java -jar webapp.jar worker}): the consumer, the shard primaries it reads
 * notes from and writes results to, and a small HTTP server with GET /healthz and GET /metrics.
 */
final class WorkerMain implements AutoCloseable {
    private final Worker worker;
    private final List<Database> databases;
    private final Schema schema;
    private final HttpServer server;

    private WorkerMain(Worker worker, List<Database> databases, Schema schema, HttpServer server) {
        this.worker = worker;
        this.databases = databases;
        this.schema = schema;
        this.server = server;
    }

    /** Opens everything and starts consuming in the background. */
    static WorkerMain start(WorkerSettings settings) throws IOException {
        DatabaseSettings db = settings.database();
        List<Database> databases = new ArrayList<>();
        List<JobProcessor.Shard> shards = new ArrayList<>();
        // The worker may start before any web replica: it creates the tables it needs the same way (IF NOT EXISTS).
        Schema schema = new Schema();
        List<DatabaseSettings.Shard> noteShards = db.noteShards();
        for (int i = 0; i < noteShards.size(); i++) {
            Database primary = Database.open("shard-" + i + "-primary", noteShards.get(i).primaryUrl(),
                    db.user().orElseThrow(), db.password());
            databases.add(primary);
            schema.on(primary, Schema.NOTES, Schema.JOBS);
            shards.add(new JobProcessor.Shard(new JdbcNoteTable(primary), new JdbcJobTable(primary)));
        }
        schema.start();
        WorkerMetrics metrics = new WorkerMetrics();
        JobProcessor processor = new JobProcessor(shards, db.strategy().router(shards.size()), Clock.systemUTC());
        Rabbit rabbit = new Rabbit(settings.queue(), "scaler-worker-" + settings.instance());
        Worker worker = new Worker(rabbit, processor, metrics, settings.prefetch(), settings.concurrency(),
                settings.instance());

        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", settings.port()), 16);
        server.createContext("/healthz", exchange -> {
            byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            try (var out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.createContext(WebApp.METRICS_PATH, new MetricsHandler(metrics.registry()));
        server.start();
        worker.start();
        org.slf4j.LoggerFactory.getLogger(WorkerMain.class).info(
                "scaler worker {} on {} shard(s), queue {}, prefetch {}, concurrency {}, metrics on :{}",
                settings.instance(), shards.size(), settings.queue(), settings.prefetch(), settings.concurrency(),
                server.getAddress().getPort());
        return new WorkerMain(worker, databases, schema, server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop(java.time.Duration grace) {
        worker.stop(grace);
        server.stop(0);
        schema.close();
        databases.forEach(Database::close);
    }

    @Override
    public void close() {
        stop(WebApp.DEFAULT_GRACE);
    }
}
