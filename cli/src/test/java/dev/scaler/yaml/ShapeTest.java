package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A describing MapReader records each read as JSON Schema and answers so that every field is walked. */
class ShapeTest {

    private final Problems ignored = new Problems("schema");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> schema, String key) {
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(key);
    }

    @Test
    void eachGetterRecordsWhatItAcceptsAndReturnsItsDefault() {
        Shape shape = new Shape();
        MapReader r = MapReader.describing(shape, Set.of(), ignored);
        assertThat(r.integer("replicas", 2, 1, 9)).isEqualTo(2);
        assertThat(r.integer("sentinels", 0, "0 or 3 to 9", List.of(Range.only(0), new Range(3, 9)))).isZero();
        assertThat(r.bool("proxies", false)).isFalse();
        assertThat(r.oneOf("kind", "redis", List.of("redis"))).isEqualTo("redis");
        assertThat(r.duration("ttl", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1)))
                .isEqualTo(Duration.ofSeconds(60));
        r.string("name", "", Pattern.compile("[a-z]+"), "letters");
        r.string("share", "1", Pattern.compile("0|1|0?\\.\\d+"), "a share");
        r.rejectUnknown();

        Map<String, Object> schema = shape.schema();
        assertThat(schema).containsEntry("additionalProperties", false);
        assertThat(property(schema, "replicas")).containsEntry("type", "integer").containsEntry("minimum", 1)
                .containsEntry("maximum", 9);
        assertThat(property(schema, "sentinels")).containsEntry("anyOf",
                List.of(Map.of("minimum", 0, "maximum", 0), Map.of("minimum", 3, "maximum", 9)));
        assertThat(property(schema, "proxies")).containsEntry("type", "boolean");
        assertThat(property(schema, "kind")).containsEntry("enum", List.of("redis"));
        assertThat(property(schema, "ttl")).containsEntry("type", "string")
                .containsEntry("pattern", "^\\s*(?:(\\d{1,9})([mM][sS]|[sS]|[mM]|[hH]))\\s*$");
        // a pattern that no bare number can match wants text; one that can also takes the number YAML makes of it
        assertThat(property(schema, "name")).containsEntry("type", "string").containsEntry("pattern", "^(?:[a-z]+)$");
        assertThat(property(schema, "share")).containsEntry("type", List.of("string", "number"));
    }

    @Test
    void sectionsListsAndRequiredFieldsAreWalkedAsIfWritten() {
        Shape shape = new Shape();
        MapReader r = MapReader.describing(shape, Set.of("other"), ignored);
        assertThat(r.require("name", "missing name")).isTrue();
        assertThat(r.has("other")).isFalse();
        r.section("cache").orElseThrow().integer("replicas", 1, 0, 9);
        r.listOfMaps("datacenters", 1, 9).orElseThrow().getFirst().string("name", "x");
        r.rejectUnknown();

        Map<String, Object> schema = shape.schema();
        assertThat(schema).containsEntry("required", List.of("name"));
        assertThat((Map<String, Object>) schema.get("properties")).doesNotContainKey("other");
        Map<String, Object> cache = property(schema, "cache");
        assertThat(cache).containsEntry("type", List.of("object", "null"));
        assertThat(property(cache, "replicas")).containsEntry("maximum", 9);
        Map<String, Object> datacenters = property(schema, "datacenters");
        assertThat(datacenters).containsEntry("type", "array").containsEntry("minItems", 1)
                .containsEntry("maxItems", 9);
        assertThat(ignored.isEmpty()).as("a describing reader reports nothing it was not asked to").isTrue();
    }
}
