package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySyncTest {
    @Test
    void aWildcardListenAddressIsTheSameWhicheverWayToxiproxyReportsIt() {
        assertThat(ProxySync.sameListen("0.0.0.0:20001", "[::]:20001")).isTrue();
        assertThat(ProxySync.sameListen("0.0.0.0:20001", "0.0.0.0:20001")).isTrue();
        assertThat(ProxySync.sameListen("0.0.0.0:20001", ":20001")).isTrue();
        assertThat(ProxySync.sameListen("0.0.0.0:20001", "[::]:20002")).isFalse();
        assertThat(ProxySync.sameListen("0.0.0.0:20001", "127.0.0.1:20001")).isFalse();
        assertThat(ProxySync.sameListen("0.0.0.0:20001", "garbage")).isFalse();
    }

    @Test
    void aResultWithOnlyUnchangedProxiesIsNothing() {
        assertThat(new ProxySync.Result(List.of(), List.of(), List.of(), 12).nothing()).isTrue();
        assertThat(new ProxySync.Result(List.of(), List.of("cache-1"), List.of(), 11).nothing()).isFalse();
    }

    @Test
    void aToxicReadsAsItsTypeAttributesAndStream() {
        var t = new ToxicState("slow", "latency", "downstream", 1.0, Map.of("latency", 300L));
        assertThat(t.display()).isEqualTo("slow=latency(latency=300) downstream");
        var some = new ToxicState("cut", "reset_peer", "upstream", 0.5, Map.of("timeout", 0L));
        assertThat(some.display()).isEqualTo("cut=reset_peer(timeout=0) upstream toxicity 0.5");
    }
}
