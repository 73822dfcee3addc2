package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecHashTest {
    private final ContainerSpec web = Planner.plan(Topologies.of("name: demo")).container("demo-web-1").orElseThrow();

    @Test
    void sameSpecSameImageSameHash() {
        ContainerSpec again = Planner.plan(Topologies.of("name: demo")).container("demo-web-1").orElseThrow();
        assertThat(SpecHash.of(again, "sha256:1")).isEqualTo(SpecHash.of(web, "sha256:1"));
    }

    @Test
    void aRebuiltImageIsAChange() {
        assertThat(SpecHash.of(web, "sha256:2")).isNotEqualTo(SpecHash.of(web, "sha256:1"));
    }

    @Test
    void anEnvironmentChangeIsAChange() {
        var env = new HashMap<>(web.env());
        env.put("EXTRA", "1");
        var changed = new ContainerSpec(web.name(), web.tier(), web.index(), web.image(), web.command(), env,
                web.ports(), web.labels(), web.healthCheck(), web.dependsOn(), web.mounts(), web.files(),
                web.network(), web.aliases());
        assertThat(SpecHash.of(changed, "sha256:1")).isNotEqualTo(SpecHash.of(web, "sha256:1"));
    }

    @Test
    void otherReplicasCountDoesNotChangeAReplica() {
        ContainerSpec inBigger = Planner.plan(Topologies.of("name: demo\nweb: { replicas: 5 }\n"))
                .container("demo-web-1").orElseThrow();
        assertThat(SpecHash.of(inBigger, "sha256:1")).isEqualTo(SpecHash.of(web, "sha256:1"));
    }

    @Test
    void theOrderFilesAreListedInIsNoChangeButAFilesContentIs() {
        ContainerSpec worker = Planner.plan(Topologies.of(
                "name: demo\nshards: { count: 2 }\nqueue: { nodes: 1 }\nworkers: { replicas: 1 }\n"))
                .container("demo-worker-1").orElseThrow();
        assertThat(worker.files()).hasSizeGreaterThan(1);
        var reversed = new ArrayList<>(worker.files());
        Collections.reverse(reversed);
        var edited = new ArrayList<>(worker.files());
        var first = edited.get(0);
        edited.set(0, new ContainerFile(first.path(), first.content() + "x", first.mode()));

        assertThat(SpecHash.of(withFiles(worker, reversed), "sha256:1")).isEqualTo(SpecHash.of(worker, "sha256:1"));
        assertThat(SpecHash.of(withFiles(worker, edited), "sha256:1")).isNotEqualTo(SpecHash.of(worker, "sha256:1"));
    }

    private static ContainerSpec withFiles(ContainerSpec c, List<ContainerFile> files) {
        return new ContainerSpec(c.name(), c.tier(), c.index(), c.image(), c.command(), c.env(), c.ports(),
                c.labels(), c.healthCheck(), c.dependsOn(), c.mounts(), files, c.network(), c.aliases());
    }
}
