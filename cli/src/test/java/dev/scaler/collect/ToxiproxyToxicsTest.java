package dev.scaler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.monitor.Target;
import dev.scaler.provision.ProxyState;
import dev.scaler.provision.ProxySync;
import dev.scaler.provision.ToxicState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToxiproxyToxicsTest {
    private static Target target(String role) {
        return new Target("p-x", "proxy", role, "scaler/toxiproxy:offline", "running", "healthy", Optional.of("10.0.0.2"));
    }

    @Test
    void onlyTheToxiproxyContainerIsReadNotTheLinksBetweenDatacenters() {
        var collector = new ToxiproxyToxics();
        assertThat(collector.reads(target("toxiproxy"))).isTrue();
        assertThat(collector.reads(target("link"))).isFalse();
    }

    @Test
    void aLinksPermanentLatencyIsTheTopologyNotAFault() {
        var latency = new ToxicState(ProxySync.LINK_LATENCY, "latency", "downstream", 1.0, Map.of("latency", 80L));
        var chaos = new ToxicState("scaler-1-partition-down", "timeout", "downstream", 1.0, Map.of("timeout", 0L));
        var reading = ToxiproxyToxics.of(List.of(
                new ProxyState("link.eu-west.us-east.db-1", "0.0.0.0:30000", "db-1:3306", true, List.of(latency, chaos)),
                new ProxyState("link.us-east.eu-west.db-2", "0.0.0.0:30001", "db-2:3306", true, List.of(latency))));
        assertThat(reading.proxies().get(0).toxics()).singleElement()
                .satisfies(t -> assertThat(t).startsWith("scaler-1-partition-down="));
        assertThat(reading.proxies().get(1).toxics()).isEmpty();
    }
}
