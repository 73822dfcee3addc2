package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxyState;
import dev.scaler.provision.ProxySync;
import dev.scaler.provision.ToxicState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two datacenters on the real engine: each its own network, the database replicating across a Toxiproxy link
 * with the topology's latency, the global load balancer sending users home and elsewhere when home is down, a
 * partition between the datacenters applied and undone by `scaler chaos`, and `down` leaving nothing.
 */
class DatacentersIT extends ProjectIT {
    private static final String PROJECT = "dc-it";
    private static final long LATENCY_MS = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return PROJECT;
    }

    @Override
    int[] alsoFree() {
        return new int[] {1};
    }

    @Test
    void twoDatacentersReplicateOverALinkFailOverAtTheGlobalBalancerAndPartition() throws Exception {
        Path file = dir.resolve("dc.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                cache: { replicas: 0, sentinels: 0 }
                database: { kind: mariadb, replicas: 1 }
                datacenters:
                  - name: us-east
                    latency: 10ms
                  - name: eu-west
                    latency: %dms
                """.formatted(PROJECT, port, LATENCY_MS));
        var up = Scaler.run("up", "--timeout", "240", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        // Every container says where it lives; only the proxy and the global balancer span both networks.
        List<ObservedContainer> all = docker.containers(PROJECT);
        assertThat(all).hasSizeGreaterThan(10).allSatisfy(c ->
                assertThat(c.labels()).as(c.name()).containsKey(Labels.DATACENTER));
        assertThat(docker.engine.networks(PROJECT)).containsExactlyInAnyOrder(PROJECT + "-us-east-net",
                PROJECT + "-eu-west-net");
        for (ObservedContainer c : all) {
            boolean spans = c.name().equals(PROJECT + "-proxy") || c.name().equals(PROJECT + "-global-lb");
            assertThat(c.networks()).as(c.name()).hasSize(spans ? 2 : 1);
        }
        assertThat(label(PROJECT + "-db-2")).isEqualTo("eu-west");
        assertThat(label(PROJECT + "-eu-west-web-1")).isEqualTo("eu-west");

        // Replication crosses the link: eu-west's replica replicates from the primary, by its name.
        sql(PROJECT + "-db-1", "CREATE TABLE scaler.dc_it (id INT PRIMARY KEY); INSERT INTO scaler.dc_it VALUES (7)");
        eventually(() -> sql(PROJECT + "-db-2", "SELECT id FROM scaler.dc_it").contains("7"),
                "the row written on the primary reaches eu-west's replica");
        assertThat(sql(PROJECT + "-db-2", "SHOW SLAVE STATUS\\G")).contains("Master_Host: " + PROJECT + "-db-1")
                .contains("Slave_IO_Running: Yes");

        // The link carries its latency: the primary's greeting reaches eu-west at least that late.
        var proxies = ProxyApi.connect(docker.engine, PROJECT).orElseThrow().proxies();
        assertThat(proxies).filteredOn(p -> p.name().startsWith("link.")).isNotEmpty().allSatisfy(p ->
                assertThat(p.toxics()).extracting(ToxicState::name).containsExactly(ProxySync.LINK_LATENCY));
        long viaLink = greetingMillis(PROJECT + "-eu-west-web-1", PROJECT + "-db-1");
        assertThat(viaLink).isGreaterThanOrEqualTo(LATENCY_MS);

        // The global balancer sends each datacenter's users home.
        eventually(() -> servedBy(port).equals("us-east"), "us-east's entry point served from us-east");
        eventually(() -> servedBy(port + 1).equals("eu-west"), "eu-west's entry point served from eu-west");

        // dc-partition by `scaler chaos`, on every link while it runs and gone after. The global balancer moves
        // eu-west's users to us-east (its check of the primary through eu-west's path fails), so they recover long
        // before the partition heals. The built-in's schedule and lines scaled down: the recovery bound three quarters
        // of the partition (15 s of 20 there, 9 s of 12 here), so it can fail; 10 users, so each user moved to
        // us-east meets its lost session (eu-west's Redis had it) within a second or two and the recovery measured is
        // the global balancer's.
        Path experiment = dir.resolve("dc-partition.yaml");
        Files.writeString(experiment, """
                name: dc-partition
                load: { rate: 50/s, duration: 18s, journeys: { browse: 70, write: 20, login: 10 }, timeout: 2s,
                        users: 10 }
                steps:
                  - at: 2s
                    partition: { between: [dc:us-east, dc:eu-west] }
                    duration: 12s
                hypothesis:
                  recovery: "<= 9s"
                  lostWrites: 0
                """);
        var seen = new AtomicBoolean();
        var during = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.get() && System.nanoTime() < deadline) {
                seen.set(links().stream().allMatch(p -> p.toxics().stream().anyMatch(t -> t.name().startsWith(
                        "scaler-"))));
                sleep(100);
            }
        });
        var guarded = ChaosOutcome.of(Scaler.run("chaos", experiment.toString(), PROJECT, "--warmup", "1s", "--seed",
                "5"));
        during.join();
        assertThat(seen).as("the partition seen on every link during the run").isTrue();
        assertThat(links()).allSatisfy(p -> assertThat(p.toxics()).extracting(ToxicState::name)
                .containsExactly(ProxySync.LINK_LATENCY));

        // The negative control: the global balancer's check of the primary through eu-west's path switched off (its
        // runtime API), so eu-west's users stay home while their writes and sign-ins cannot reach the primary.
        runtime("disable health eu-west-writes/primary");
        var bare = ChaosOutcome.of(Scaler.run("chaos", experiment.toString(), PROJECT, "--warmup", "1s", "--seed", "5"));
        runtime("enable health eu-west-writes/primary");
        System.out.printf("DatacentersIT dc-partition: with the global balancer's check %s; without it %s%n",
                guarded.figures(), bare.figures());
        assertThat(guarded.code()).as(guarded.transcript()).isEqualTo(ExitCode.OK);
        assertThat(bare.code()).as(bare.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(bare.held("recovery")).isFalse();
        assertThat(bare.availability("fault")).isLessThan(guarded.availability("fault"));

        // Home down: eu-west's users are served by us-east.
        docker.engine.stop(docker.container(PROJECT + "-eu-west-lb-1").id(), Duration.ofSeconds(2));
        eventually(() -> servedBy(port + 1).equals("us-east"), "eu-west's users moved to us-east");

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
        assertThat(docker.leftovers(PROJECT)).isEmpty();
    }

    /** A command to the global balancer's HAProxy runtime API, on its address on the project network. */
    private void runtime(String command) throws IOException {
        String ip = docker.container(PROJECT + "-global-lb").networks().values().iterator().next();
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(ip, dev.scaler.plan.HaproxyConfig.RUNTIME_PORT), 2000);
            socket.getOutputStream().write((command + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes()).strip();
            assertThat(answer).as(command).isEmpty();
        }
    }

    private List<ProxyState> links() {
        return ProxyApi.connect(docker.engine, PROJECT).orElseThrow().proxies().stream()
                .filter(p -> p.name().startsWith("link.")).toList();
    }

    private String label(String container) {
        return docker.container(container).labels().get(Labels.DATACENTER);
    }

    /** Which datacenter served a request to the global balancer's port; "" when nothing answered. */
    private static String servedBy(int p) {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/healthz"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? r.headers().firstValue("X-Scaler-Datacenter").orElse("") : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The fastest of three: milliseconds until a MariaDB server's greeting arrives, dialled from a container. */
    private static long greetingMillis(String from, String server) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            String out = exec(from, "s=$(date +%s%N); exec 3<>/dev/tcp/" + server + "/3306; head -c 4 <&3 >/dev/null;"
                    + " e=$(date +%s%N); echo $(( (e - s) / 1000000 ))");
            best = Math.min(best, Long.parseLong(out.strip()));
        }
        return best;
    }

    private static String sql(String container, String statements) {
        return exec(container, "mariadb -uroot -p\"$(cat \"$MYSQL_ROOT_PASSWORD_FILE\")\" -e \"" + statements + "\"");
    }

    private static String exec(String container, String script) {
        try {
            var process = new ProcessBuilder("docker", "exec", container, "bash", "-c", script)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            return code == 0 ? out : "exit " + code + ": " + out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void eventually(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 60 s: " + what);
            }
            sleep(250);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
