package dev.scaler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Tier;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Topologies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyTest {
    private final FakeEngine engine = new FakeEngine();
    /** The web tier, with the start dependencies a tier that needs them would have: web on cache, lb on web. */
    private final Plan plan = withDependencies(Planner.plan(Topologies.of("name: demo\nweb: { replicas: 3 }\n")));

    private static Plan withDependencies(Plan p) {
        var webs = p.containers().stream().filter(c -> c.tier() == Tier.WEB).map(ContainerSpec::name).toList();
        var specs = p.containers().stream().map(c -> switch (c.tier()) {
            case WEB -> dependingOn(c, List.of("demo-cache-1"));
            case LB -> dependingOn(c, webs);
            default -> c;
        }).toList();
        return new Plan(p.project(), p.imageProfile(), p.networks(), p.volumes(), specs);
    }

    private static ContainerSpec dependingOn(ContainerSpec c, List<String> deps) {
        return new ContainerSpec(c.name(), c.tier(), c.index(), c.image(), c.command(), c.env(), c.ports(),
                c.labels(), c.healthCheck(), deps, c.mounts(), c.files(), c.network(), c.aliases());
    }

    private Apply apply(Duration timeout) {
        return new Apply(engine, s -> s.replace("${secret:redis.password}", "s3cret"), Progress.SILENT, timeout);
    }

    private Map<String, String> hashes() {
        var h = new HashMap<String, String>();
        plan.containers().forEach(c -> h.put(c.name(), "h"));
        return h;
    }

    private void run(Apply apply) {
        apply.run(plan, Diff.between(plan, hashes(), List.of()), hashes());
    }

    @Test
    void startsEachContainerAfterWhatItDependsOn() {
        run(apply(Duration.ofSeconds(5)));
        List<String> calls = List.copyOf(engine.calls);
        int cache = calls.indexOf("start demo-cache-1");
        int lb = calls.indexOf("start demo-lb-1");
        for (int i = 1; i <= 3; i++) {
            int web = calls.indexOf("start demo-web-" + i);
            assertThat(web).isGreaterThan(cache);
            assertThat(lb).isGreaterThan(web);
        }
        assertThat(calls.get(0)).isEqualTo("network+ demo-net");
    }

    @Test
    void everyContainerIsCreatedWithoutWaitingForWhatItDependsOn() throws Exception {
        // The cache stays "starting" until every other container has been created: were creating to wait for the
        // cache to be healthy (as starting must), the web replicas and the load balancer would never be created.
        engine.health.put("demo-cache-1", Health.STARTING);
        var creates = List.of("create demo-web-1", "create demo-web-2", "create demo-web-3", "create demo-lb-1");
        var sawAll = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline && !engine.calls.containsAll(creates)) {
                Thread.onSpinWait();
            }
            sawAll.set(engine.calls.containsAll(creates) && !engine.calls.contains("start demo-web-1"));
            engine.health.put("demo-cache-1", Health.HEALTHY);
        });
        run(apply(Duration.ofSeconds(10)));
        watcher.join();
        assertThat(sawAll).as("all created while the cache was still starting, none of them started").isTrue();
        List<String> calls = List.copyOf(engine.calls);
        assertThat(calls.indexOf("start demo-web-1")).isGreaterThan(calls.indexOf("start demo-cache-1"));
    }

    @Test
    void fillsSecretsOnlyWhenCreating() {
        run(apply(Duration.ofSeconds(5)));
        assertThat(engine.envs.get("demo-web-1")).containsEntry("SCALER_REDIS_PASSWORD_FILE",
                "/run/secrets/redis.password").doesNotContainValue("s3cret");
        assertThat(engine.files.get("demo-web-1").get("/run/secrets/redis.password")).asString(StandardCharsets.UTF_8)
                .isEqualTo("s3cret");
        String conf = new String(engine.files.get("demo-cache-1").get("/usr/local/etc/redis/redis.conf"),
                StandardCharsets.UTF_8);
        assertThat(conf).contains("requirepass s3cret").doesNotContain("${secret");
    }

    @Test
    void anUnhealthyContainerIsNamedWithItsLogsAndEverythingCreatedIsRemoved() {
        engine.health.put("demo-web-2", Health.UNHEALTHY);
        assertThatThrownBy(() -> run(apply(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(UnhealthyException.class, e -> {
                    assertThat(e.container()).isEqualTo("demo-web-2");
                    assertThat(e.lastLogLines()).containsExactly("log of demo-web-2");
                });
        assertThat(engine.containers).isEmpty();
        assertThat(engine.networks).isEmpty();
        assertThat(engine.volumes).isEmpty();
        assertThat(engine.calls).doesNotContain("start demo-lb-1"); // created early, never started, removed again
    }

    @Test
    void aContainerThatNeverBecomesHealthyTimesOut() {
        engine.health.put("demo-cache-1", Health.STARTING);
        assertThatThrownBy(() -> run(apply(Duration.ofMillis(300))))
                .isInstanceOf(UnhealthyException.class)
                .hasMessageContaining("demo-cache-1").hasMessageContaining("still starting");
        assertThat(engine.containers).isEmpty();
    }

    @Test
    void aContainerWhoseOwnCheckPassesIsReadyBeforeDockerSaysSo() {
        plan.containers().forEach(c -> {
            engine.health.put(c.name(), Health.STARTING);
            engine.execExit.put(c.name(), 0);
        });
        run(apply(Duration.ofSeconds(5)));
        assertThat(engine.calls).contains("exec demo-cache-1", "exec demo-lb-1");
        assertThat(engine.containers).hasSize(5);
    }

    @Test
    void cancellingMidwayRollsBackWhatThisRunCreated() {
        Apply apply = apply(Duration.ofSeconds(5));
        engine.onStart = name -> {
            if (name.equals("demo-web-1")) {
                apply.cancel();
            }
        };
        assertThatThrownBy(() -> run(apply)).isInstanceOf(CancelledException.class);
        assertThat(engine.containers).isEmpty();
        assertThat(engine.networks).isEmpty();
        assertThat(apply.started()).isTrue();
    }

    @Test
    void leavesNetworksAndVolumesThatExistedBefore() {
        engine.networks.add("demo-net");
        engine.volumes.add("demo-cache-1-data");
        engine.health.put("demo-lb-1", Health.EXITED);
        assertThatThrownBy(() -> run(apply(Duration.ofSeconds(5)))).isInstanceOf(UnhealthyException.class);
        assertThat(engine.networks).containsExactly("demo-net");
        assertThat(engine.volumes).containsExactly("demo-cache-1-data");
    }
}
