package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.EngineIT;
import dev.scaler.engine.Apply;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.Progress;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.ProxyRoute;
import dev.scaler.plan.Topologies;
import dev.scaler.provision.Down;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxySync;
import dev.scaler.provision.Up;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network-fault adapter and the proxy sync against the real Toxiproxy: only the proxy container of
 * a planned topology runs (the image and container spec `up` uses), so each test takes seconds.
 */
class ToxiproxyFaultsIT extends EngineIT {
    private static final String PROJECT = "proxies-it-faults";

    private DockerEngine engine;
    private Plan plan;

    @BeforeEach
    void proxyContainer() {
        engine = DockerEngine.connect();
        new Down(engine, Progress.SILENT).run(PROJECT, false);
        Plan full = Planner.plan(Topologies.of("name: " + PROJECT + "\nimages: offline\nproxies: true\n"));
        var proxy = full.container(PROJECT + "-proxy").orElseThrow();
        plan = new Plan(PROJECT, full.imageProfile(), full.networks(), List.of(), List.of(proxy), full.proxies());
        new Up(engine, dev.scaler.provision.BuildRecords.read()).run(plan, new Apply(engine, s -> s, Progress.SILENT, Duration.ofSeconds(60)));
    }

    @AfterEach
    void cleanUp() {
        new Down(engine, Progress.SILENT).run(PROJECT, false);
        engine.close();
    }

    private ProxyApi api() {
        return ProxyApi.connect(engine, PROJECT).orElseThrow();
    }

    @Test
    void everyToxiproxyToxicIsAddedAndReadBackAsGivenThenRemoved() {
        try (Faults faults = ToxiproxyFaults.of(engine, PROJECT)) {
            assertThat(faults.proxies()).containsExactly("cache-1");
            var toxics = List.of(
                    new Toxic("slow", "latency", "downstream", 1.0, Map.of("latency", 300L, "jitter", 20L)),
                    new Toxic("narrow", "bandwidth", "upstream", 0.5, Map.of("rate", 64L)),
                    new Toxic("stall", "timeout", "downstream", 0.25, Map.of("timeout", 0L)),
                    new Toxic("cut", "reset_peer", "upstream", 1.0, Map.of("timeout", 100L)),
                    new Toxic("linger", "slow_close", "downstream", 1.0, Map.of("delay", 1000L)),
                    new Toxic("short", "limit_data", "downstream", 1.0, Map.of("bytes", 4096L)),
                    new Toxic("chop", "slicer", "downstream", 1.0,
                            Map.of("average_size", 64L, "size_variation", 16L, "delay", 10L)));
            toxics.forEach(t -> faults.add("cache-1", t));
            assertThat(faults.active()).containsOnlyKeys("cache-1");
            assertThat(faults.active().get("cache-1")).containsExactlyInAnyOrderElementsOf(toxics);

            toxics.forEach(t -> faults.remove("cache-1", t.name()));
            assertThat(faults.active()).containsExactly(Map.entry("cache-1", List.of()));
        }
    }

    @Test
    void mistakesAreRefusedWithWhatWouldBeRightAndRemovingIsIdempotent() {
        try (Faults faults = ToxiproxyFaults.of(engine, PROJECT)) {
            var slow = Toxic.of("slow", "latency", "downstream", Map.of("latency", 100L));
            assertThatThrownBy(() -> faults.add("nope", slow)).isInstanceOf(FaultException.class)
                    .hasMessageContaining("has no proxy named 'nope'").hasMessageContaining("cache-1");
            assertThatThrownBy(() -> faults.add("cache-1", Toxic.of("x", "lag", "upstream", Map.of())))
                    .isInstanceOf(FaultException.class).hasMessageContaining("unknown type 'lag'");
            faults.add("cache-1", slow);
            assertThatThrownBy(() -> faults.add("cache-1", slow)).isInstanceOf(FaultException.class)
                    .hasMessageContaining("already has a toxic named slow");
            faults.remove("cache-1", "slow");
            faults.remove("cache-1", "slow");
            faults.remove("cache-1", "never-there");
            assertThatThrownBy(() -> faults.remove("nope", "slow")).isInstanceOf(FaultException.class);
            assertThat(faults.active().get("cache-1")).isEmpty();
        }
        new Down(engine, Progress.SILENT).run(PROJECT, false);
        assertThatThrownBy(() -> ToxiproxyFaults.of(engine, PROJECT)).isInstanceOf(FaultException.class)
                .hasMessageContaining("proxies: true");
    }

    @Test
    void aPausedToxiproxyIsAnErrorWithinTheTimeoutNotAHang() throws Exception {
        String id = engine.containers(java.util.Optional.of(PROJECT)).get(0).id();
        try (Faults faults = ToxiproxyFaults.of(engine, PROJECT)) {
            assertThat(new ProcessBuilder("docker", "pause", id).start().waitFor()).isZero();
            long start = System.nanoTime();
            try {
                assertThatThrownBy(faults::proxies).isInstanceOf(FaultException.class)
                        .hasMessageContaining("did not answer within 5 s");
                var listing = new dev.scaler.provision.Status(engine).proxies(java.util.Optional.of(PROJECT));
                assertThat(listing).singleElement().satisfies(l -> assertThat(l.error()).isPresent());
            } finally {
                new ProcessBuilder("docker", "unpause", id).start().waitFor();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(faults.proxies()).containsExactly("cache-1");
        }
    }

    /** Milliseconds for an HTTP request to the Toxiproxy API through the proxy listening on 20999. */
    private long throughProxy() {
        String id = engine.containers(java.util.Optional.of(PROJECT)).get(0).id();
        var r = engine.exec(id, List.of("bash", "-c", "s=$(date +%s%N); exec 3<>/dev/tcp/127.0.0.1/20999 || exit 1;"
                + " printf 'GET /version HTTP/1.0\\r\\n\\r\\n' >&3; r=$(cat <&3); [[ $r == *2.12.0* ]] || exit 1;"
                + " echo $(( ($(date +%s%N) - s) / 1000000 ))"), Duration.ofSeconds(10));
        assertThat(r.ok()).as(r.output()).isTrue();
        return Long.parseLong(r.output().trim());
    }

    @Test
    void syncMakesTheProxiesWhatThePlanSaysAndTrafficFeelsTheToxics() throws Exception {
        var planned = plan.proxies();
        assertThat(ProxySync.ensure(api(), planned).nothing()).as("created from the config file at start").isTrue();

        // A proxy the plan does not have is created, then removed again; one moved by hand is put back.
        var withApi = new ArrayList<>(planned);
        withApi.add(new ProxyRoute("api", 20999, "127.0.0.1", ProxyApi.PORT));
        var created = ProxySync.ensure(api(), withApi);
        assertThat(created.created()).containsExactly("api");
        assertThat(created.unchanged()).isEqualTo(1);

        try (Faults faults = ToxiproxyFaults.of(engine, PROJECT)) {
            long fast = throughProxy();
            faults.add("api", Toxic.of("slow", "latency", "downstream", Map.of("latency", 300L)));
            long slow = throughProxy();
            faults.remove("api", "slow");
            long again = throughProxy();
            assertThat(slow).as("with 300 ms latency (without: %d ms)", fast).isGreaterThanOrEqualTo(300);
            assertThat(again).as("after removing it").isLessThan(300);
        }

        api().call("break cache-1", c -> {
            var p = c.getProxy("cache-1");
            p.setUpstream("elsewhere:1");
            p.disable();
            return p;
        });
        var fixed = ProxySync.ensure(api(), planned);
        assertThat(fixed.fixed()).containsExactly("cache-1");
        assertThat(fixed.removed()).containsExactly("api");
        var cache = api().proxies().get(0);
        assertThat(cache.upstream()).isEqualTo(PROJECT + "-cache-1:6379");
        assertThat(cache.enabled()).isTrue();
        assertThat(ProxySync.ensure(api(), planned).nothing()).isTrue();
    }
}
