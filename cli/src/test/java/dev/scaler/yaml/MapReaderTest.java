package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MapReaderTest {

    enum Colour {
        DARK_RED, BLUE;

        String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Problems problems = new Problems("f.yaml");

    private MapReader reader(String yaml) {
        Node root = YamlTree.parse(yaml, "test files", problems).orElseThrow();
        return MapReader.of(root, "s", problems);
    }

    private List<String> reported() {
        return problems.sorted().stream().map(p -> p.location() + " " + p.message()).toList();
    }

    @Test
    void absentFieldsTakeTheirDefaultsWithoutProblems() {
        MapReader r = reader("{}");
        assertThat(r.integer("n", 7, 0, 9)).isEqualTo(7);
        assertThat(r.bool("b", true)).isTrue();
        assertThat(r.string("t", "x")).isEqualTo("x");
        assertThat(r.oneOf("c", Colour.BLUE, Colour::yaml)).isEqualTo(Colour.BLUE);
        assertThat(r.duration("d", Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(r.size("m", "64mb", 1, 1L << 30)).isEqualTo("64mb");
        assertThat(r.stringMap("e", k -> Optional.empty())).isEmpty();
        assertThat(r.section("x")).isEmpty();
        assertThat(r.listOfMaps("l", 0, 3)).isEmpty();
        r.rejectUnknown();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void wrongValuesAreReportedAndDefaulted() {
        MapReader r = reader("n: 12\nb: no\nc: red\nd: 2h\nm: 2gb\nt: [a]\np: ABC\n");
        assertThat(r.integer("n", 7, 0, 9)).isEqualTo(7);
        assertThat(r.bool("b", true)).isTrue();
        assertThat(r.oneOf("c", Colour.BLUE, Colour::yaml)).isEqualTo(Colour.BLUE);
        assertThat(r.duration("d", Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(r.size("m", "64mb", 1L << 20, 1L << 30)).isEqualTo("64mb");
        assertThat(r.string("t", "x")).isEqualTo("x");
        assertThat(r.string("p", "abc", Pattern.compile("[a-z]+"), "lowercase letters")).isEqualTo("abc");
        assertThat(reported()).containsExactly(
                "1:4 s.n: expected a whole number from 0 to 9, got '12'",
                "2:4 s.b: expected true or false, got 'no'",
                "3:4 s.c: expected dark-red or blue, got 'red'",
                "4:4 s.d: expected a duration from 0s to 60s (a whole number and ms, s, m or h, like 500ms or 2s),"
                        + " got '2h'",
                "5:4 s.m: expected a size from 1mb to 1gb (a whole number and kb, mb or gb, like 64mb), got '2gb'",
                "6:4 s.t: expected text, got a list",
                "7:4 s.p: expected lowercase letters, got 'ABC'");
    }

    @Test
    void enumsUseTheirYamlSpelling() {
        assertThat(reader("c: dark-red\n").oneOf("c", Colour.BLUE, Colour::yaml)).isEqualTo(Colour.DARK_RED);
        reader("c: darkred\n").oneOf("c", Colour.BLUE, Colour::yaml);
        assertThat(reported()).containsExactly("1:4 s.c: expected dark-red or blue, got 'darkred'; did you mean"
                + " 'dark-red'?");
    }

    @Test
    void unknownKeysAreReportedAtTheKeyWithASuggestion() {
        MapReader r = reader("replica: 3\nzzz: 1\n");
        r.integer("replicas", 1, 0, 9);
        r.string("image", "x");
        r.rejectUnknown();
        assertThat(reported()).containsExactly(
                "1:1 unknown field 'replica' in s; did you mean 'replicas'?",
                "2:1 unknown field 'zzz' in s (expected replicas or image)");
    }

    @Test
    void atTheTopLevelUnknownKeysSaySo() {
        Node root = YamlTree.parse("nmae: x\n", "test files", problems).orElseThrow();
        MapReader top = MapReader.of(root, "", problems);
        top.string("name", "");
        top.rejectUnknown();
        assertThat(reported()).containsExactly("1:1 unknown top-level field 'nmae'; did you mean 'name'?");
    }

    @Test
    void sectionsAndLists() {
        MapReader r = reader("inner: {a: 1}\nempty:\nitems:\n  - {a: 2}\n  - 3\n");
        MapReader inner = r.section("inner").orElseThrow();
        assertThat(inner.integer("a", 0, 0, 9)).isEqualTo(1);
        assertThat(inner.path()).isEqualTo("s.inner");
        assertThat(r.section("empty").orElseThrow().integer("a", 5, 0, 9)).isEqualTo(5);
        List<MapReader> items = r.listOfMaps("items", 1, 1).orElseThrow();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path()).isEqualTo("s.items[0]");
        assertThat(reported()).containsExactly("4:3 s.items: expected a list of 1 to 1 entries, got 2",
                "5:5 s.items[1]: expected a mapping of fields, got '3'");
    }

    @Test
    void stringMapsCheckKeysAndValues() {
        MapReader r = reader("env:\n  GOOD: 1\n  bad: 2\n  LIST: [x]\n  EMPTY:\n");
        Map<String, String> env = r.stringMap("env",
                k -> k.equals(k.toUpperCase()) ? Optional.empty() : Optional.of("must be uppercase"));
        assertThat(env).containsExactly(Map.entry("GOOD", "1"), Map.entry("EMPTY", ""));
        assertThat(reported()).containsExactly("3:3 s.env.bad: must be uppercase",
                "4:9 s.env.LIST: expected a text value, got a list");
    }

    @Test
    void problemsAboutAFieldGoToItsValueOrElseToTheMapping() {
        MapReader r = reader("{a: 1}");
        r.problem("a", "here");
        r.problem("b", "there");
        assertThat(reported()).containsExactly("1:1 s.b: there", "1:5 s.a: here");
    }
}
