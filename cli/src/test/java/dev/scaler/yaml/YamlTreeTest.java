package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    private final Problems problems = new Problems("f.yaml");

    private Node parse(String text) {
        return YamlTree.parse(text, "test files", problems).orElseThrow(
                () -> new AssertionError("no tree: " + problems.sorted()));
    }

    @Test
    void keysAndValuesKeepTheirPlace() {
        MapNode root = (MapNode) parse("name: demo\nweb:\n  replicas: 3\n  env: {A: 1}\nlist:\n  - x\n  - [y]\n");
        assertThat(problems.isEmpty()).isTrue();
        assertThat(root.location()).isEqualTo(new Location(1, 1));
        assertThat(root.entries()).extracting(MapNode.Entry::key).containsExactly("name", "web", "list");
        assertThat(root.entry("web").orElseThrow().keyLocation()).isEqualTo(new Location(2, 1));
        MapNode web = (MapNode) root.get("web").orElseThrow();
        assertThat(web.get("replicas")).contains(new ScalarNode("3", false, new Location(3, 13)));
        MapNode env = (MapNode) web.get("env").orElseThrow();
        assertThat(env.location()).isEqualTo(new Location(4, 8));
        assertThat(env.entry("A").orElseThrow().keyLocation()).isEqualTo(new Location(4, 9));
        ListNode list = (ListNode) root.get("list").orElseThrow();
        assertThat(list.items()).hasSize(2);
        assertThat(list.items().get(0)).isEqualTo(new ScalarNode("x", false, new Location(6, 5)));
        assertThat(list.items().get(1)).isInstanceOf(ListNode.class);
    }

    @Test
    void scalarsAreKeptAsWritten() {
        MapNode root = (MapNode) parse("a: 0x10\nb: yes\nc: '007'\nd: 1.50\n");
        assertThat(root.entries()).extracting(e -> ((ScalarNode) e.value()).text())
                .containsExactly("0x10", "yes", "007", "1.50");
    }

    @Test
    void emptyValuesAreNullScalarsButQuotedEmptyTextIsNot() {
        MapNode root = (MapNode) parse("a:\nb: ~\nc: null\nd: ''\n");
        assertThat(root.entries()).extracting(e -> ((ScalarNode) e.value()).isNull())
                .containsExactly(true, true, true, false);
        assertThat(root.get("a").orElseThrow().describe()).isEqualTo("nothing");
        assertThat(root.get("d").orElseThrow().describe()).isEqualTo("''");
    }

    @Test
    void noDocumentIsANullScalarAtTheStart() {
        assertThat(parse("")).isEqualTo(new ScalarNode("", true, Location.START));
        assertThat(parse("# only a comment\n")).isEqualTo(new ScalarNode("", true, Location.START));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void duplicateKeysKeepTheFirstAndReportTheSecond() {
        MapNode root = (MapNode) parse("a: 1\nb: 2\na: 3\n");
        assertThat(root.get("a").map(n -> ((ScalarNode) n).text())).contains("1");
        assertThat(problems.sorted()).singleElement()
                .hasToString("f.yaml:3:1: duplicate key 'a' (first at line 1)");
    }

    @Test
    void theFirstAliasStopsParsing() {
        assertThat(YamlTree.parse("a: &x [1]\nb: *x\nc: *x\n", "test files", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement()
                .hasToString("f.yaml:2:4: aliases are not supported in test files; write the value out in full");
    }

    @Test
    void anAliasAsAKeyIsAnAliasToo() {
        assertThat(YamlTree.parse("a: &x k\n*x : 3\n", "test files", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().extracting(Problem::message).asString()
                .startsWith("aliases are not supported");
    }

    @Test
    void syntaxErrorsUseTheParsersLocation() {
        assertThat(YamlTree.parse("a: [1, 2\n", "test files", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().hasToString("f.yaml:2:1: invalid YAML: expected ',' or ']',"
                + " but got <stream end> (while parsing a flow sequence at line 1, column 4)");
    }

    @Test
    void bracketsInAPlainValueInsideBracesGetAHint() {
        assertThat(YamlTree.parse("a: { b: web[2] }\n", "test files", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().hasToString("f.yaml:1:12: invalid YAML: expected ',' or '}',"
                + " but got [ (while parsing a flow mapping at line 1, column 4); inside { } or [ ] a value that"
                + " contains [ ] must be quoted, like \"web[2]\"");
    }

    @Test
    void controlCharactersAreReportedWhereTheyAre() {
        assertThat(YamlTree.parse("a: 1\r\nb: x\u0007\n", "test files", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().hasToString(
                "f.yaml:2:5: control character U+0007 is not allowed in YAML (is this a binary file?)");
    }

    @Test
    void lineBreaksThatOnlyYamlSeesAreRefused() {
        // Found by TopologyLoaderPropertiesTest: a NEL in a key made the parser count a line the editor does not
        // show, so every line:column after it was one line off.
        for (String lineBreak : new String[] {"\u0085", "\u2028", "\u2029"}) {
            Problems found = new Problems("f.yaml");
            assertThat(YamlTree.parse("a: 1\nb" + lineBreak + "c: 2\n", "test files", found)).isEmpty();
            assertThat(found.sorted()).singleElement().hasToString(String.format("f.yaml:2:2: U+%04X is a line break"
                    + " to YAML but not to editors, so it is not allowed (use a plain line break)", (int) lineBreak.charAt(0)));
        }
    }

    @Test
    void locationsCountLinesAndCodePoints() {
        assertThat(YamlTree.locationAfter("")).isEqualTo(new Location(1, 1));
        assertThat(YamlTree.locationAfter("ab")).isEqualTo(new Location(1, 3));
        assertThat(YamlTree.locationAfter("a\nb")).isEqualTo(new Location(2, 2));
        assertThat(YamlTree.locationAfter("a\r\nb")).isEqualTo(new Location(2, 2));
        assertThat(YamlTree.locationAfter("a\rb")).isEqualTo(new Location(2, 2));
        assertThat(YamlTree.locationAfter("\uD83D\uDE00x")).isEqualTo(new Location(1, 3));
    }

    @Test
    void nonAsciiTextIsCountedInCharactersNotBytes() {
        MapNode root = (MapNode) parse("café: é\nb: x\n");
        assertThat(root.get("café")).contains(new ScalarNode("é", false, new Location(1, 7)));
        assertThat(root.get("b").orElseThrow().location()).isEqualTo(new Location(2, 4));
    }

    @Test
    void listsAtTheTopAreFine() {
        assertThat(parse("- a\n- b\n")).isEqualTo(new ListNode(List.of(new ScalarNode("a", false, new Location(1, 3)),
                new ScalarNode("b", false, new Location(2, 3))), new Location(1, 1)));
    }
}
