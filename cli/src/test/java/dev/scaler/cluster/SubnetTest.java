package dev.scaler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetTest {
    @Test
    void parsesIpv4CidrsAndNothingElse() {
        assertThat(Subnet.parse("10.1.2.3/8")).hasValueSatisfying(s -> assertThat(s).hasToString("10.0.0.0/8"));
        assertThat(Subnet.parse("fd00::/64")).isEmpty();
        assertThat(Subnet.parse("10.1.2.300/24")).isEmpty();
        assertThat(Subnet.parse("10.1.2.3/33")).isEmpty();
        assertThat(Subnet.parse("10.1.2.3")).isEmpty();
    }

    @Test
    void overlapIsSharedAddressesEitherWay() {
        var wide = Subnet.parse("172.16.0.0/12").orElseThrow();
        var inside = Subnet.parse("172.29.4.0/24").orElseThrow();
        var beside = Subnet.parse("172.32.0.0/24").orElseThrow();
        assertThat(wide.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(wide)).isTrue();
        assertThat(wide.overlaps(beside)).isFalse();
    }

    @Test
    void theFirstFreeSubnetSkipsEveryTakenOne() {
        var pool = Subnet.parse("172.29.0.0/16").orElseThrow();
        var taken = List.of(Subnet.parse("172.29.0.0/23").orElseThrow(), Subnet.parse("172.29.3.0/24").orElseThrow());
        assertThat(Subnet.firstFree(pool, taken)).hasValueSatisfying(s -> assertThat(s).hasToString("172.29.2.0/24"));
        assertThat(Subnet.firstFree(pool, List.of(pool))).isEmpty();
        assertThat(Subnet.parse("172.29.2.0/24").orElseThrow().host(11)).isEqualTo("172.29.2.11");
    }
}
