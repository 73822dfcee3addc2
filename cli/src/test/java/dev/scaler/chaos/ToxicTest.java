package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToxicTest {
    @Test
    void everyToxiproxyTypeWithItsAttributesIsFine() {
        assertThat(Toxic.of("a", "latency", "downstream", Map.of("latency", 300L, "jitter", 50L)).problems()).isEmpty();
        assertThat(Toxic.of("b", "bandwidth", "upstream", Map.of("rate", 64L)).problems()).isEmpty();
        assertThat(Toxic.of("c", "timeout", "downstream", Map.of("timeout", 0L)).problems()).isEmpty();
        assertThat(Toxic.of("d", "reset_peer", "downstream", Map.of("timeout", 100L)).problems()).isEmpty();
        assertThat(Toxic.of("e", "slow_close", "downstream", Map.of("delay", 1000L)).problems()).isEmpty();
        assertThat(Toxic.of("f", "limit_data", "downstream", Map.of("bytes", 4096L)).problems()).isEmpty();
        assertThat(Toxic.of("g", "slicer", "downstream", Map.of("average_size", 64L, "size_variation", 16L,
                "delay", 10L)).problems()).isEmpty();
        assertThat(Toxic.TYPES.keySet()).containsExactly("latency", "bandwidth", "timeout", "reset_peer", "slow_close",
                "limit_data", "slicer");
    }

    @Test
    void unknownTypesAndAttributesAreNamedWithWhatWouldDo() {
        assertThat(Toxic.of("a", "lag", "downstream", Map.of()).problems()).singleElement().asString()
                .contains("unknown type 'lag'").contains("latency, bandwidth");
        assertThat(Toxic.of("a", "latency", "downstream", Map.of("ms", 3L)).problems()).singleElement().asString()
                .contains("latency has no attribute 'ms' (it has latency, jitter)");
        assertThat(Toxic.of("a", "latency", "downstream", Map.of("latency", -1L)).problems()).singleElement()
                .asString().contains("latency must be 0 or more");
    }

    @Test
    void aToxicIsWellFormedOrNotMadeAtAll() {
        assertThatThrownBy(() -> Toxic.of("", "latency", "downstream", Map.of())).hasMessageContaining("name");
        assertThatThrownBy(() -> Toxic.of("a b", "latency", "downstream", Map.of())).hasMessageContaining("name");
        assertThatThrownBy(() -> Toxic.of("a", "latency", "both", Map.of())).hasMessageContaining("upstream or downstream");
        assertThatThrownBy(() -> new Toxic("a", "latency", "upstream", 1.5, Map.of())).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new Toxic("a", "latency", "upstream", Double.NaN, Map.of())).hasMessageContaining("0..1");
        var withNull = new LinkedHashMap<String, Long>();
        withNull.put("latency", null);
        assertThatThrownBy(() -> Toxic.of("a", "latency", "upstream", withNull)).hasMessageContaining("numbers");
        var attrs = new LinkedHashMap<String, Long>(Map.of("latency", 1L));
        var t = Toxic.of("a", "latency", "upstream", attrs);
        attrs.put("jitter", 2L);
        assertThat(t.attributes()).containsOnlyKeys("latency");
    }
}
