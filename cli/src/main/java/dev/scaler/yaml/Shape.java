package dev.scaler.yaml;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a binder asks of one mapping, recorded by a describing {@link MapReader} and written as JSON Schema
 * (draft-07): the fields, the type, range, pattern or values each accepts, which are required, and whether other
 * fields are refused. The binder is the one declaration; the schema is its shadow, so the two cannot drift.
 *
 * <p>The schema is the shape only: rules that span fields (a restore undoes an earlier kill, a step happens
 * before the rollback) stay with the binder.
 */
public final class Shape {

    /** Texts YAML reads as numbers: a pattern that accepts one of them accepts a number written bare. */
    private static final List<String> NUMBERS = List.of("0", "1", "0.5", "10", "200");

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private boolean closed;

    /** A field read in some way that says nothing of its value (yet): any value is accepted. */
    void mention(String key) {
        properties.putIfAbsent(key, Map.of());
    }

    /** What a field's value must be: a JSON Schema fragment, which may hold nested shapes. */
    public void put(String key, Object fragment) {
        properties.put(key, fragment);
    }

    /** What was recorded for a field; empty when the binder never read it. */
    public Optional<Object> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    public void require(String key) {
        mention(key);
        required.add(key);
    }

    void close() {
        closed = true;
    }

    /** This mapping as a JSON Schema object, nested shapes included. */
    public Map<String, Object> schema() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        var fields = new LinkedHashMap<String, Object>();
        properties.forEach((key, fragment) -> fields.put(key, resolve(fragment)));
        schema.put("properties", fields);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        if (closed) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    /** A section, which may also be written empty ({@code cache:}) to take every default. */
    record Section(Shape shape) {
    }

    private static Object resolve(Object fragment) {
        return switch (fragment) {
            case Shape shape -> shape.schema();
            case Section section -> {
                var schema = section.shape().schema();
                schema.put("type", List.of("object", "null"));
                yield schema;
            }
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<Object, Object>();
                map.forEach((k, v) -> copy.put(k, resolve(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(Shape::resolve).toList();
            default -> fragment;
        };
    }

    /** A JSON object of the key and value pairs, in that order (Map.of's order changes from run to run). */
    public static Map<String, Object> json(Object... pairs) {
        var object = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }

    /** Any scalar: MapReader reads every scalar as its text. */
    static Map<String, Object> text(String expected) {
        return fragment(List.of("string", "number", "boolean"), expected);
    }

    /** Text matching {@code pattern} in full; a bare number too when the pattern accepts one. */
    static Map<String, Object> text(String expected, Pattern pattern) {
        return text(expected, "^(?:" + pattern.pattern() + ")$",
                NUMBERS.stream().anyMatch(n -> pattern.matcher(n).matches()));
    }

    /** Text matching the JSON Schema (ECMA-262) {@code pattern}. */
    static Map<String, Object> text(String expected, String pattern, boolean number) {
        var schema = fragment(number ? List.of("string", "number") : "string", expected);
        schema.put("pattern", pattern);
        return schema;
    }

    static Map<String, Object> fragment(Object type, String expected) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", type);
        schema.put("description", expected);
        return schema;
    }

    /** One of the ranges; a single range as minimum and maximum. */
    static Map<String, Object> integer(String expected, List<Range> allowed) {
        var schema = fragment("integer", expected);
        if (allowed.size() == 1) {
            schema.put("minimum", allowed.get(0).min());
            schema.put("maximum", allowed.get(0).max());
        } else {
            schema.put("anyOf", allowed.stream().map(r -> json("minimum", r.min(), "maximum", r.max())).toList());
        }
        return schema;
    }

    static Map<String, Object> values(String expected, List<String> allowed) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("enum", List.copyOf(allowed));
        schema.put("description", expected);
        return schema;
    }

    static Map<String, Object> list(String expected, int min, int max, Object items) {
        var schema = fragment("array", expected);
        schema.put("minItems", min);
        schema.put("maxItems", max);
        schema.put("items", items);
        return schema;
    }

    static Map<String, Object> textMap(String expected) {
        var schema = fragment(List.of("object", "null"), expected);
        schema.put("additionalProperties", json("type", List.of("string", "number", "boolean", "null")));
        return schema;
    }

    /**
     * A Java pattern that is matched against lowercased, stripped text (durations, sizes), as an ECMA-262
     * pattern for the text as written: each letter in either case, blanks around allowed.
     */
    static String caseless(Pattern lowercase) {
        var out = new StringBuilder("^\\s*(?:");
        String p = lowercase.pattern();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                out.append(c).append(p.charAt(++i));
            } else if (Character.isLetter(c)) {
                out.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.append(")\\s*$").toString();
    }
}
