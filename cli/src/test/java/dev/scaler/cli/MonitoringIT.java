package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ToxicState;
import dev.scaler.state.Secrets;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collectors against the real servers of a small topology (offline images): the web replicas' request counters
 * rise with the requests sent, a replica's lag is a number, the load balancer's backends up drop when a replica is
 * killed, a toxic added to Toxiproxy is read back from its API, and a load run stores its samples and reports them.
 */
class MonitoringIT extends ProjectIT {
    private static final String PROJECT = "mon-it-vitals";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return PROJECT;
    }

    private List<Target> targets() {
        return Targets.of(docker.engine, PROJECT);
    }

    /**
     * What the container says; a replica just started may miss the first 700 ms deadline on a busy machine (class
     * loading), so a silent answer is asked again for a few seconds.
     */
    private static Reading read(List<Collector> collectors, Target t) throws InterruptedException {
        Collector c = collectors.stream().filter(x -> x.reads(t)).findFirst().orElseThrow();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Reading r = c.read(t);
        while (r instanceof Reading.Silent && System.nanoTime() < until) {
            Thread.sleep(200);
            r = c.read(t);
        }
        return r;
    }

    private double webRequests(List<Collector> collectors) throws InterruptedException {
        double sum = 0;
        for (Target t : targets()) {
            if (t.tier().equals("web")) {
                Reading r = read(collectors, t);
                // The offline images are shared by every checkout on a machine: one built from a web app without
                // /metrics (older than this change) answers 404 here.
                assertThat(r).as(t.container() + " (a 404 means scaler/webapp:offline predates GET /metrics: "
                        + "./mvnw -B -q package -DskipTests && images/build.sh webapp)").isInstanceOf(Reading.Web.class);
                sum += ((Reading.Web) r).requests();
            }
        }
        return sum;
    }

    private double backendsUp(List<Collector> collectors) throws InterruptedException {
        Target lb = targets().stream().filter(t -> t.tier().equals("lb")).findFirst().orElseThrow();
        Reading r = read(collectors, lb);
        assertThat(r).isInstanceOf(Reading.Balancer.class);
        return ((Reading.Balancer) r).serversUp();
    }

    @Test
    void everyTierIsReadWithItsOwnInterfaceAndARunKeepsItsSamples() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 2, sessions: redis }
                cache: { replicas: 0, sentinels: 0 }
                database: { kind: mariadb, replicas: 1, failover: manual }
                proxies: true
                """.formatted(PROJECT, port));
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        List<Collector> collectors = Collectors.forProject(Secrets.open(dir.resolve(".scaler"), PROJECT));
        try {
            double before = webRequests(collectors);
            int sent = 40;
            for (int i = 0; i < sent; i++) {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami")).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            assertThat(webRequests(collectors) - before).as("requests counted by the replicas")
                    .isGreaterThanOrEqualTo(sent);
            // A login and a /me with its cookie: the session is read back from Redis, a keyspace hit.
            String cookie = login(port, "monitoring");
            var me = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/me"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(me.statusCode()).isEqualTo(200);

            for (Target t : targets()) {
                if (collectors.stream().noneMatch(c -> c.reads(t))) {
                    continue; // the failover agent
                }
                Reading r = read(collectors, t);
                switch (t.tier() + "/" + t.role()) {
                    case "database/replica" -> {
                        assertThat(r).as(t.container()).isInstanceOf(Reading.Sql.class);
                        var sql = (Reading.Sql) r;
                        assertThat(sql.role()).isEqualTo("replica of " + PROJECT + "-db-1");
                        assertThat(sql.lagSeconds()).as("lag as a number").isPresent();
                        assertThat(sql.lagSeconds().getAsLong()).isBetween(0L, 30L);
                        assertThat(sql.gtid()).matches("\\d+-\\d+-\\d+");
                        assertThat(sql.connections()).isPositive();
                    }
                    case "database/primary" -> assertThat(((Reading.Sql) r).role()).isEqualTo("primary");
                    case "database/router" -> assertThat(((Reading.Balancer) r).serversUp()).isEqualTo(1);
                    case "cache/primary" -> {
                        var cache = (Reading.Cache) r;
                        assertThat(cache.role()).isEqualTo("primary");
                        assertThat(cache.usedMemory()).isPositive();
                        // The /me above read its session back: at least that hit is counted.
                        assertThat(cache.keyspaceHits()).as("keyspace hits").isPositive();
                    }
                    default -> {
                    }
                }
            }

            // What a Prometheus server on the project network scrapes: HAProxy's own exporter.
            Target lb = targets().stream().filter(t -> t.tier().equals("lb")).findFirst().orElseThrow();
            var exporter = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + lb.address().orElseThrow()
                    + ":8404/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(exporter.statusCode()).isEqualTo(200);
            assertThat(exporter.body()).contains("haproxy_backend_active_servers{proxy=\"web\"} 2");

            // Toxiproxy: no toxic after up; one added by hand (not named scaler-..., so no command removes it) is
            // read back from Toxiproxy's own API and stays in effect for the rest of this test.
            Target proxy = targets().stream().filter(t -> t.tier().equals("proxy")).findFirst().orElseThrow();
            var clean = (Reading.Proxies) read(collectors, proxy);
            assertThat(clean.proxies()).extracting(Reading.Proxy::name).contains("database-primary");
            assertThat(clean.proxies()).allSatisfy(p -> assertThat(p.toxics()).isEmpty());
            ProxyApi.connect(docker.engine, PROJECT).orElseThrow().addToxic("database-primary", new ToxicState(
                    "it-latency", "latency", "downstream", 1.0, java.util.Map.of("latency", 50L, "jitter", 0L)));
            var faulty = (Reading.Proxies) read(collectors, proxy);
            assertThat(faulty.proxies()).filteredOn(p -> p.name().equals("database-primary")).singleElement()
                    .satisfies(p -> assertThat(p.toxics()).containsExactly(
                            "it-latency=latency(latency=50,jitter=0) downstream"));

            assertThat(backendsUp(collectors)).isEqualTo(2);
            docker.kill(PROJECT + "-web-2");
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            double up2 = backendsUp(collectors);
            while (up2 > 1 && System.nanoTime() < until) {
                Thread.sleep(200);
                up2 = backendsUp(collectors);
            }
            assertThat(up2).as("backends up after a replica was killed").isEqualTo(1);
        } finally {
            collectors.forEach(Collector::close);
        }

        // status --metrics: one snapshot, the killed replica shown as not answering.
        var status = Scaler.run("status", "--metrics", "--format", "json", PROJECT);
        assertThat(status.code()).as(status.transcript()).isZero();
        JsonNode snapshot = new ObjectMapper().readTree(status.out()).path("snapshot");
        assertThat(snapshot.path("containers").size()).as("lb, 2 web, redis, 2 db, router, agent")
                .isGreaterThanOrEqualTo(7);
        for (JsonNode c : snapshot.path("containers")) {
            if (c.path("container").asText().equals(PROJECT + "-web-2")) {
                assertThat(c.path("status").asText()).isNotEqualTo("ok");
            }
            if (c.path("container").asText().equals(PROJECT + "-proxy")) {
                assertThat(c.path("toxicsActive").asInt()).isEqualTo(1);
                assertThat(c.path("faults").get(0).asText()).isEqualTo("database-primary: it-latency=latency("
                        + "latency=50,jitter=0) downstream");
            }
            if (c.path("container").asText().equals(PROJECT + "-web-1")) {
                assertThat(c.path("status").asText()).isEqualTo("ok");
                assertThat(c.has("requestsPerSecond")).isTrue();
            }
        }

        // A load run samples every second into the run and reports it.
        var load = Scaler.run("load", PROJECT, "--rate", "20", "--duration", "4s", "--journeys", "browse=50,login=50",
                "--warmup", "0s");
        assertThat(load.code()).as(load.transcript()).isZero();
        assertThat(load.out()).contains("vital signs, min..max").contains("lb: web backends up");
        Path runs = dir.resolve(".scaler/runs");
        Path run;
        try (var list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(run.resolve("samples.jsonl")).size()).isGreaterThanOrEqualTo(4);
        var report = Scaler.run("report", "--format", "json");
        JsonNode vitals = new ObjectMapper().readTree(report.out()).path("vitals");
        assertThat(vitals.path("samples").asInt()).isGreaterThanOrEqualTo(4);
        var signals = new java.util.ArrayList<String>();
        vitals.path("series").forEach(s -> signals.add(s.path("signal").asText()));
        assertThat(signals).contains("backendsUp", "webRequestsPerSecond", "cacheHitRatio", "replicaLagSeconds",
                "toxicsActive");
        JsonNode toxics = vitals.path("series").get(signals.indexOf("toxicsActive"));
        assertThat(toxics.path("phases").get(0).path("min").asDouble()).as("the toxic in effect all along")
                .isEqualTo(1.0);
        JsonNode backends = vitals.path("series").get(signals.indexOf("backendsUp"));
        assertThat(backends.path("phases").get(0).path("max").asDouble()).isEqualTo(1.0);
    }
}
