package dev.scaler.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Typed, defaulting access to one YAML mapping that records problems instead of throwing.
 *
 * <p>Every getter returns a usable value (the default when the field is absent or wrong), so binding goes on
 * and every problem in the file is found in one pass. Messages name the field path, what was expected and what
 * was found: {@code web.replicas: expected a whole number from 1 to 9, got 'three'}.
 *
 * <p>Each getter also declares its key as known; call {@link #rejectUnknown()} after reading every field to
 * report the keys nobody asked for, with the nearest known key as a suggestion.
 *
 * <p>A {@linkplain #describing describing} reader reads no file: it records every read into a {@link Shape}
 * (the JSON Schema of the mapping) and answers as if every field were written, so that a binder run over it walks
 * every field, section and list once and its getters return their defaults.
 */
public final class MapReader {

    private final MapNode map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Optional<Shape> shape;
    private final Set<String> absent;

    public MapReader(MapNode map, String path, Problems problems) {
        this(map, path, problems, Optional.empty(), Set.of());
    }

    private MapReader(MapNode map, String path, Problems problems, Optional<Shape> shape, Set<String> absent) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.shape = shape;
        this.absent = absent;
    }

    /**
     * A reader that records what is read into {@code shape}; every field counts as written but those in
     * {@code absent} (so a binder that branches on which key is present can be walked one branch at a time).
     */
    public static MapReader describing(Shape shape, Set<String> absent, Problems problems) {
        return new MapReader(new MapNode(List.of(), Location.START), "", problems, Optional.of(shape), absent);
    }

    private MapReader describingChild(String childPath, Shape child) {
        return new MapReader(new MapNode(List.of(), map.location()), childPath, problems, Optional.of(child),
                Set.of());
    }

    private void describe(String key, Object fragment) {
        shape.ifPresent(s -> s.put(key, fragment));
    }

    /**
     * A reader over {@code node} when it is a mapping. An empty value ({@code cache:}) reads as an empty
     * mapping, so that every field takes its default. Anything else is a problem, and reads as empty too.
     */
    public static MapReader of(Node node, String path, Problems problems) {
        return switch (node) {
            case MapNode map -> new MapReader(map, path, problems);
            case ScalarNode scalar when scalar.isNull() -> new MapReader(new MapNode(List.of(), node.location()),
                    path, problems);
            default -> {
                problems.add(node, (path.isEmpty() ? "" : path + ": ") + "expected a mapping of fields, got "
                        + node.describe());
                yield new MapReader(new MapNode(List.of(), node.location()), path, problems);
            }
        };
    }

    /** Where the mapping starts. */
    public Location location() {
        return map.location();
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    /** The path of one field of this mapping, for messages: {@code web.replicas}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Whether the field was written (even with a wrong value). Declares the key as known. */
    public boolean has(String key) {
        if (shape.isPresent()) {
            if (absent.contains(key)) {
                return false;
            }
            shape.get().mention(key);
        }
        known.add(key);
        return shape.isPresent() || map.entry(key).isPresent();
    }

    /**
     * Whether a field that must be written was; when it was not, {@code message} is recorded at this mapping.
     * Declares the key as known.
     */
    public boolean require(String key, String message) {
        shape.ifPresent(s -> s.require(key));
        if (!has(key)) {
            problems.add(map.location(), message);
            return false;
        }
        return true;
    }

    /** The value as written. Declares the key as known. */
    public Optional<Node> node(String key) {
        known.add(key);
        if (shape.isPresent()) {
            shape.get().mention(key);
            return Optional.of(new MapNode(List.of(), map.location()));
        }
        return map.get(key);
    }

    /** Where the value of a field was written, if it was. */
    public Optional<Location> where(String key) {
        if (shape.isPresent()) {
            return Optional.of(map.location());
        }
        return map.get(key).map(Node::location);
    }

    /** Where a field's key was written, if it was (for problems about the field being there at all). */
    public Optional<Location> keyWhere(String key) {
        if (shape.isPresent()) {
            return Optional.of(map.location());
        }
        return map.entry(key).map(MapNode.Entry::keyLocation);
    }

    /** Records a problem about a field: at its value when written, else at this mapping. */
    public void problem(String key, String message) {
        failed.add(key);
        problems.add(where(key).orElse(map.location()), field(key) + ": " + message);
    }

    /**
     * Whether a problem was recorded about this field. Its getter then returned the default, and rules that
     * span fields should not judge that stand-in (it would report a second problem the user did not make).
     */
    public boolean failed(String key) {
        return failed.contains(key);
    }

    /** A scalar value; a list, mapping or empty value is reported as not being {@code expected}. */
    public Optional<ScalarNode> scalar(String key, String expected) {
        Optional<Node> node = node(key);
        if (shape.isPresent()) {
            describe(key, Shape.text(expected));
            return Optional.empty();
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode scalar && !scalar.isNull()) {
            return Optional.of(scalar);
        }
        wrong(key, expected, node.get());
        return Optional.empty();
    }

    private void wrong(String key, String expected, Node found) {
        failed.add(key);
        problems.add(found, field(key) + ": expected " + expected + ", got " + found.describe());
    }

    /** Any non-empty text. */
    public String string(String key, String fallback) {
        return scalar(key, "text").map(ScalarNode::text).orElse(fallback);
    }

    /** Text matching {@code pattern} in full; {@code expected} says what that means in words. */
    public String string(String key, String fallback, Pattern pattern, String expected) {
        return string(key, pattern, expected).orElse(fallback);
    }

    /** Text matching {@code pattern} in full; empty when absent or wrong (wrong is reported). */
    public Optional<String> string(String key, Pattern pattern, String expected) {
        Optional<ScalarNode> scalar = scalar(key, expected);
        describe(key, Shape.text(expected, pattern));
        if (scalar.isPresent() && !pattern.matcher(scalar.get().text()).matches()) {
            wrong(key, expected, scalar.get());
            return Optional.empty();
        }
        return scalar.map(ScalarNode::text);
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String key, int fallback, int min, int max) {
        return integer(key, fallback, "a whole number from " + min + " to " + max, List.of(new Range(min, max)));
    }

    /** A whole number in one of the {@code allowed} ranges; {@code expected} says which in words. */
    public int integer(String key, int fallback, String expected, List<Range> allowed) {
        Optional<ScalarNode> scalar = scalar(key, expected);
        describe(key, Shape.integer(expected, allowed));
        IntPredicate valid = n -> allowed.stream().anyMatch(range -> range.contains(n));
        if (scalar.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(scalar.get().text().strip());
            if (valid.test(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        wrong(key, expected, scalar.get());
        return fallback;
    }

    /** {@code true} or {@code false}, in any case; YAML 1.1's yes/no/on/off are refused as ambiguous. */
    public boolean bool(String key, boolean fallback) {
        Optional<ScalarNode> scalar = scalar(key, "true or false");
        describe(key, Shape.fragment("boolean", "true or false"));
        if (scalar.isEmpty()) {
            return fallback;
        }
        String text = scalar.get().text().strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        wrong(key, "true or false", scalar.get());
        return fallback;
    }

    /** One of {@code allowed}, spelled exactly; a near miss gets a suggestion. */
    public String oneOf(String key, String fallback, List<String> allowed) {
        String expected = Words.alternatives(allowed);
        Optional<ScalarNode> scalar = scalar(key, expected);
        describe(key, Shape.values(expected, allowed));
        if (scalar.isEmpty()) {
            return fallback;
        }
        String text = scalar.get().text();
        if (allowed.contains(text)) {
            return text;
        }
        String suggestion = Words.nearest(text, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
        failed.add(key);
        problems.add(scalar.get(), field(key) + ": expected " + expected + ", got '" + text + "'" + suggestion);
        return fallback;
    }

    /** One constant of an enum, by the spelling users write ({@code spelling}, usually the enum's yaml()). */
    public <E extends Enum<E>> E oneOf(String key, E fallback, Function<E, String> spelling) {
        E[] values = fallback.getDeclaringClass().getEnumConstants();
        List<String> allowed = Arrays.stream(values).map(spelling).toList();
        String chosen = oneOf(key, spelling.apply(fallback), allowed);
        return values[allowed.indexOf(chosen)];
    }

    /** A duration such as {@code 500ms}, {@code 1s}, {@code 2m}, from {@code min} to {@code max}. */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String expected = "a duration from " + Durations.format(min) + " to " + Durations.format(max)
                + " (a whole number and ms, s, m or h, like 500ms or 2s)";
        Optional<ScalarNode> scalar = scalar(key, expected);
        describe(key, Shape.text(expected, Shape.caseless(Durations.DURATION), false));
        if (scalar.isEmpty()) {
            return fallback;
        }
        Optional<Duration> value = Durations.parse(scalar.get().text());
        if (value.isPresent() && value.get().compareTo(min) >= 0 && value.get().compareTo(max) <= 0) {
            return value.get();
        }
        wrong(key, expected, scalar.get());
        return fallback;
    }

    /** A memory size such as {@code 64mb} from {@code minBytes} to {@code maxBytes}, returned as written. */
    public String size(String key, String fallback, long minBytes, long maxBytes) {
        String expected = "a size from " + Sizes.format(minBytes) + " to " + Sizes.format(maxBytes)
                + " (a whole number and kb, mb or gb, like 64mb)";
        Optional<ScalarNode> scalar = scalar(key, expected);
        describe(key, Shape.text(expected, Shape.caseless(Sizes.SIZE), false));
        if (scalar.isEmpty()) {
            return fallback;
        }
        OptionalLong bytes = Sizes.parse(scalar.get().text());
        if (bytes.isPresent() && bytes.getAsLong() >= minBytes && bytes.getAsLong() <= maxBytes) {
            return scalar.get().text().strip().toLowerCase(java.util.Locale.ROOT);
        }
        wrong(key, expected, scalar.get());
        return fallback;
    }

    /**
     * A mapping of text to text (an empty value reads as ""). {@code keyProblem} returns what is wrong with a
     * key, if anything; such keys are reported at the key and left out.
     */
    public Map<String, String> stringMap(String key, Function<String, Optional<String>> keyProblem) {
        return stringMap(key, keyProblem, value -> Optional.empty());
    }

    /** A mapping of names to text values, with the names and the values checked (a problem is at the value). */
    public Map<String, String> stringMap(String key, Function<String, Optional<String>> keyProblem,
            Function<String, Optional<String>> valueProblem) {
        Map<String, String> result = new LinkedHashMap<>();
        Optional<Node> node = node(key);
        describe(key, Shape.textMap("a mapping of names to values"));
        if (node.isEmpty() || node.get() instanceof ScalarNode scalar && scalar.isNull()) {
            return result;
        }
        if (!(node.get() instanceof MapNode entries)) {
            wrong(key, "a mapping of names to values", node.get());
            return result;
        }
        for (MapNode.Entry entry : entries.entries()) {
            String name = field(key) + "." + entry.key();
            Optional<String> bad = keyProblem.apply(entry.key());
            if (bad.isPresent()) {
                problems.add(entry.keyLocation(), name + ": " + bad.get());
            } else if (entry.value() instanceof ScalarNode value) {
                String text = value.isNull() ? "" : value.text();
                valueProblem.apply(text).ifPresentOrElse(why -> problems.add(value, name + ": " + why),
                        () -> result.put(entry.key(), text));
            } else {
                problems.add(entry.value(), name + ": expected a text value, got " + entry.value().describe());
            }
        }
        return result;
    }

    /** A nested mapping; empty when absent. An empty value reads as a mapping with every field defaulted. */
    public Optional<MapReader> section(String key) {
        if (shape.isPresent()) {
            node(key);
            Shape child = new Shape();
            describe(key, new Shape.Section(child));
            return Optional.of(describingChild(field(key), child));
        }
        return node(key).map(node -> of(node, field(key), problems));
    }

    /**
     * A nested mapping that the caller has seen written as one (an empty value is not): the section's reader,
     * described as an object that cannot be left empty.
     */
    public Optional<MapReader> mapping(String key) {
        if (shape.isPresent()) {
            node(key);
            Shape child = new Shape();
            describe(key, child);
            return Optional.of(describingChild(field(key), child));
        }
        return section(key);
    }

    /**
     * A list of mappings with {@code min} to {@code max} items; empty when absent. Items that are not mappings
     * are reported and left out.
     */
    public Optional<List<MapReader>> listOfMaps(String key, int min, int max) {
        Optional<Node> node = node(key);
        String expected = "a list of " + min + " to " + max + " entries";
        if (shape.isPresent()) {
            Shape item = new Shape();
            describe(key, Shape.list(expected, min, max, item));
            return Optional.of(List.of(describingChild(field(key) + "[0]", item)));
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof ListNode list)) {
            wrong(key, expected, node.get());
            return Optional.of(List.of());
        }
        if (list.items().size() < min || list.items().size() > max) {
            problems.add(list, field(key) + ": expected " + expected + ", got " + list.items().size());
        }
        List<MapReader> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = field(key) + "[" + i + "]";
            if (item instanceof MapNode map) {
                items.add(new MapReader(map, itemPath, problems));
            } else {
                problems.add(item, itemPath + ": expected a mapping of fields, got " + item.describe());
            }
        }
        return Optional.of(items);
    }

    /**
     * A list of {@code min} to {@code max} texts, each {@code expected}; empty when absent. Items that are not text
     * are reported and left out.
     */
    public Optional<List<ScalarNode>> texts(String key, int min, int max, String expected) {
        Optional<Node> node = node(key);
        String list = "a list of " + min + " to " + max + " entries, each " + expected;
        if (shape.isPresent()) {
            describe(key, Shape.list(list, min, max, Shape.fragment("string", expected)));
            return Optional.of(List.of());
        }
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof ListNode items)) {
            wrong(key, list, node.get());
            return Optional.of(List.of());
        }
        if (items.items().size() < min || items.items().size() > max) {
            problems.add(items, field(key) + ": expected " + list + ", got " + items.items().size());
        }
        var texts = new ArrayList<ScalarNode>();
        for (int i = 0; i < items.items().size(); i++) {
            if (items.items().get(i) instanceof ScalarNode text && !text.isNull()) {
                texts.add(text);
            } else {
                problems.add(items.items().get(i), field(key) + "[" + i + "]: expected " + expected + ", got "
                        + items.items().get(i).describe());
            }
        }
        return Optional.of(texts);
    }

    /** Reports every key that no getter asked for, suggesting the nearest known one. */
    public void rejectUnknown() {
        shape.ifPresent(Shape::close);
        for (MapNode.Entry entry : map.entries()) {
            if (known.contains(entry.key())) {
                continue;
            }
            String where = path.isEmpty() ? "unknown top-level field '" + entry.key() + "'"
                    : "unknown field '" + entry.key() + "' in " + path;
            String hint = Words.nearest(entry.key(), known).map(s -> "; did you mean '" + s + "'?")
                    .orElse(" (expected " + Words.alternatives(List.copyOf(known)) + ")");
            problems.add(entry.keyLocation(), where + hint);
        }
    }
}
