package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
}
