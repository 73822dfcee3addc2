package dev.scaler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.VolumeSpec;
import dev.scaler.provision.Down;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `down` over an engine that refuses to remove a network: the volumes still go, and what is left is named. */
class DownTest {
    @Test
    void aNetworkTheEngineKeepsDoesNotKeepTheVolumesAndIsNamed() {
        var engine = new FakeEngine();
        engine.createNetwork(new NetworkSpec("p-net", Map.of()));
        engine.createNetwork(new NetworkSpec("p-b-net", Map.of()));
        engine.createVolume(new VolumeSpec("p-db-1-data", Map.of()));
        engine.stuckNetworks.add("p-net");

        var result = new Down(engine, Progress.SILENT).run("p", false);

        assertThat(engine.volumes).isEmpty();
        assertThat(engine.networks).containsExactly("p-net");
        assertThat(result.networks()).isEqualTo(1);
        assertThat(result.volumes()).isEqualTo(1);
        assertThat(result.left()).singleElement().satisfies(l -> assertThat(l).contains("p-net")
                .contains("restart the engine"));
        assertThat(result.nothing()).isFalse();
    }

    @Test
    void aCleanDownLeavesNothing() {
        var engine = new FakeEngine();
        engine.createNetwork(new NetworkSpec("p-net", Map.of()));
        var result = new Down(engine, Progress.SILENT).run("p", false);
        assertThat(result.left()).isEmpty();
        assertThat(engine.networks).isEmpty();
    }
}
