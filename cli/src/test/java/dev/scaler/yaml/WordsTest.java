package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void alternatives() {
        assertThat(Words.alternatives(List.of("haproxy"))).isEqualTo("haproxy");
        assertThat(Words.alternatives(List.of("mysql", "mariadb"))).isEqualTo("mysql or mariadb");
        assertThat(Words.alternatives(List.of("a", "b", "c"))).isEqualTo("one of a, b or c");
    }

    @Test
    void distance() {
        assertThat(Words.distance("", "abc")).isEqualTo(3);
        assertThat(Words.distance("replica", "replicas")).isEqualTo(1);
        assertThat(Words.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Words.distance("same", "same")).isZero();
        assertThat(Words.distance("nmae", "name")).as("a swap of neighbours is one edit").isEqualTo(1);
    }

    @Test
    void nearestSuggestsOnlyLikelyTypos() {
        List<String> fields = List.of("kind", "replicas", "sentinels", "maxMemory", "evictionPolicy");
        assertThat(Words.nearest("replica", fields)).contains("replicas");
        assertThat(Words.nearest("maxmemory", fields)).contains("maxMemory");
        assertThat(Words.nearest("sentinals", fields)).contains("sentinels");
        assertThat(Words.nearest("knd", fields)).contains("kind");
        assertThat(Words.nearest("ttl", fields)).isEmpty();
        assertThat(Words.nearest("postgres", List.of("mysql", "mariadb"))).isEmpty();
        assertThat(Words.nearest("anything", List.of())).isEmpty();
    }
}
