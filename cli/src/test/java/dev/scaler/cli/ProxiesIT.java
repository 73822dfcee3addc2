package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.chaos.Faults;
import dev.scaler.chaos.Toxic;
import dev.scaler.chaos.ToxiproxyFaults;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxyState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code proxies: true} on the real engine: every data path of the web tier runs through the project's
 * Toxiproxy, so a toxic on a proxy is felt by users, and `up`, `status` and `down` handle the proxies.
 */
class ProxiesIT extends ProjectIT {
    private static final String PROJECT = "proxies-it";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long LATENCY = 300;

    @Override
    String project() {
        return PROJECT;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** Tries until it answers the status, for at most 30 s (Redis and the schema come up in the background). */
    private HttpResponse<String> eventually(int status, Supplier<HttpResponse<String>> call) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r = call.get();
        while (r.statusCode() != status && System.nanoTime() < end) {
            Thread.sleep(250);
            r = call.get();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    /** The fastest of five answers to a request, in milliseconds; each must be a 200 (five: this machine is shared). */
    private long fastest(Supplier<HttpResponse<String>> call) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            var r = call.get();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            best = Math.min(best, ms);
        }
        return best;
    }

    /** The fastest answer with a latency toxic on one proxy, and again once it is removed. */
    private long[] withLatencyOn(Faults faults, String proxy, Supplier<HttpResponse<String>> call) {
        faults.add(proxy, Toxic.of("it-latency", "latency", "downstream", Map.of("latency", LATENCY)));
        long slow;
        try {
            slow = fastest(call);
        } finally {
            faults.remove(proxy, "it-latency");
        }
        return new long[] {slow, fastest(call)};
    }

    @Test
    void everyDataPathRunsThroughItsProxyAndUpStatusDownHandleThem() throws Exception {
        Path file = dir.resolve("proxies.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                cache: { replicas: 1, sentinels: 3 }
                database: { kind: mariadb, replicas: 1 }
                proxies: true
                """.formatted(PROJECT, port));
        var up = Scaler.run("up", "--timeout", "180", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        assertThat(up.out()).contains("proxies: 5 unchanged");

        // Every planned proxy exists, enabled, leading where ProxyNames says.
        var api = ProxyApi.connect(docker.engine, PROJECT).orElseThrow();
        Map<String, String> upstreams = api.proxies().stream().collect(Collectors.toMap(ProxyState::name,
                ProxyState::upstream));
        assertThat(upstreams).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cache-1", "proxies-it-cache-1:6379",
                "cache-2", "proxies-it-cache-2:6379",
                "database-primary", "proxies-it-db-router:3306",
                "database-1", "proxies-it-db-1:3306",
                "database-2", "proxies-it-db-2:3306"));
        assertThat(api.proxies()).allSatisfy(p -> {
            assertThat(p.enabled()).isTrue();
            assertThat(p.toxics()).isEmpty();
        });

        // scaler/webapp:offline belongs to the engine, not to this checkout: one built from a checkout without
        // SCALER_REDIS_VIA would reach the Redis master around its proxy. Say so instead of a timing failure.
        var webLog = String.join("\n", docker.engine.logs(docker.container(PROJECT + "-web-1").id(), 50));
        assertThat(webLog).as("the web image applies SCALER_REDIS_VIA (rebuild it: images/build.sh webapp)")
                .contains("redis-via=proxies-it-cache-1:6379=proxies-it-proxy:20001,proxies-it-cache-2:6379=proxies-it-proxy:20002");

        String cookie = eventually(200, () -> send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=alice")))).headers().firstValue("Set-Cookie")
                .orElseThrow().split(";")[0];
        String note = eventually(201, () -> send(request("/notes").header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"it\"}"))))
                .body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Supplier<HttpResponse<String>> readFromPrimary = () -> send(request("/notes/" + note + "?consistency=primary")
                .header("Cookie", cookie));
        Supplier<HttpResponse<String>> me = () -> send(request("/me").header("Cookie", cookie));

        try (Faults faults = ToxiproxyFaults.of(docker.engine, PROJECT)) {
            // The database: a read from the primary goes through database-primary.
            long before = fastest(readFromPrimary);
            long[] db = withLatencyOn(faults, "database-primary", readFromPrimary);
            System.out.printf("read from the primary: %d ms, with %d ms latency on database-primary %d ms, after %d ms%n",
                    before, LATENCY, db[0], db[1]);
            assertThat(db[0]).as("with latency on database-primary (before: %d ms)", before).isGreaterThanOrEqualTo(LATENCY);
            assertThat(db[1]).as("after removing it").isLessThan(LATENCY);

            // Redis: Sentinel names the master by its own address; the app reaches it through that node's proxy.
            String master = Scaler.run("status", PROJECT).out().lines().map(l -> l.split("\\s{2,}"))
                    .filter(cols -> cols.length > 3 && cols[1].matches("proxies-it-cache-\\d") && cols[3].equals("primary"))
                    .map(cols -> cols[1].substring("proxies-it-".length())).findFirst().orElseThrow();
            String replica = master.equals("cache-1") ? "cache-2" : "cache-1";
            long[] redis = withLatencyOn(faults, master, me);
            long[] other = withLatencyOn(faults, replica, me);
            System.out.printf("GET /me with %d ms latency on %s (the master) %d ms, after %d ms; on %s %d ms%n",
                    LATENCY, master, redis[0], redis[1], replica, other[0]);
            assertThat(redis[0]).as("with latency on the master's proxy %s", master).isGreaterThanOrEqualTo(LATENCY);
            assertThat(redis[1]).as("after removing it").isLessThan(LATENCY);
            assertThat(other[0]).as("with latency on the replica's proxy only").isLessThan(LATENCY);

            // `status` lists the proxies, with the toxics they have.
            faults.add("database-1", Toxic.of("shown", "bandwidth", "upstream", Map.of("rate", 1000L)));
            var status = Scaler.run("status", PROJECT);
            assertThat(status.code()).as(status.transcript()).isZero();
            assertThat(status.out()).contains("proxies of proxies-it (Toxiproxy API http://" + api.address() + ")");
            var rows = status.out().lines().map(l -> l.split("\\s{2,}")).filter(c -> c.length == 5)
                    .collect(Collectors.toMap(c -> c[0], Arrays::asList, (a, b) -> a));
            assertThat(rows.get("database-primary")).containsExactly("database-primary", "[::]:20100",
                    "proxies-it-db-router:3306", "yes", "-");
            assertThat(rows.get("database-1")).containsExactly("database-1", "[::]:20101", "proxies-it-db-1:3306", "yes",
                    "shown=bandwidth(rate=1000) upstream");
            var json = new ObjectMapper().readTree(Scaler.run("status", "--format", "json", PROJECT).out());
            assertThat(json.at("/proxies/0/project").asText()).isEqualTo(PROJECT);
            assertThat(json.at("/proxies/0/proxies").size()).isEqualTo(5);
            assertThat(json.at("/proxies/0/proxies/1/name").asText()).isEqualTo("cache-2");
            assertThat(json.at("/proxies/0/proxies/2/toxics/0/attributes/rate").asLong()).isEqualTo(1000);
            faults.remove("database-1", "shown");
        }

        // A second `up` changes nothing; one after a proxy was switched off by hand switches it on again.
        var again = Scaler.run("up", file.toString());
        assertThat(again.code()).as(again.transcript()).isZero();
        assertThat(again.out()).contains("up to date, nothing to change").contains("proxies: 5 unchanged");
        api.call("disable cache-2", c -> {
            var p = c.getProxy("cache-2");
            p.disable();
            return p;
        });
        var repaired = Scaler.run("up", file.toString());
        assertThat(repaired.out()).as(repaired.transcript()).contains("proxies: 1 fixed (cache-2), 4 unchanged");
        assertThat(api.proxies()).allSatisfy(p -> assertThat(p.enabled()).isTrue());

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
        assertThat(docker.leftovers(PROJECT)).isEmpty();
    }
}
