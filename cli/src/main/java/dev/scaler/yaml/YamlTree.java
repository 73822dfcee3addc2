package dev.scaler.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a tree of {@link Node}s that remember their line and column.
 *
 * <p>Why not Jackson databind straight into records: databind stops at the first problem and forgets where
 * values were written, and a user must see every problem in a file at once, each with its line:column. So
 * Jackson's streaming YAML parser builds this small located tree, and a binder ({@link MapReader}) walks it,
 * recording problems into a shared {@link Problems} instead of throwing.
 *
 * <p>Deliberately refused: aliases ({@code *name}: they hide where a value was written and allow alias bombs;
 * the streaming parser does not expand them, and the first one stops reading), more than one document, nesting
 * deeper than {@value #MAX_DEPTH}, control characters, and files over {@value #MAX_BYTES} bytes. An anchor
 * ({@code &name}) on its own changes nothing and is ignored (Jackson does not report anchors on scalars, so
 * refusing them could not be done consistently). Nothing here throws: every failure is a {@link Problem}.
 */
public final class YamlTree {

    /** Files larger than this (1 MiB) are refused before being parsed. */
    public static final int MAX_BYTES = 1 << 20;

    /** Deeper nesting is refused (a topology needs four levels; this keeps recursion bounded). */
    public static final int MAX_DEPTH = 32;

    // Empty plain values (`key:`) become VALUE_NULL; a quoted "" stays a string.
    private static final YAMLFactory FACTORY =
            YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private YamlTree() {
    }

    /**
     * The text of a file's bytes: strict UTF-8, at most {@value #MAX_BYTES} bytes (a reader gives at most one byte
     * more, so that a larger file is refused without reading all of it); empty (and a problem) otherwise.
     */
    public static Optional<String> text(byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(Location.FILE, tooLarge());
            return Optional.empty();
        }
        return decode(bytes, problems);
    }

    private static String tooLarge() {
        return "the file is larger than 1 MiB (" + MAX_BYTES + " bytes), the most this tool reads";
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            problems.add(locationAfter(out), "not valid UTF-8 text at byte " + in.position()
                    + " (is this a binary file?)");
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /**
     * Parses YAML text into a located tree.
     *
     * @param kind what these files are called in messages, plural ("topology files")
     * @return the root node (a null scalar at 1:1 when the text holds no document), or empty when a problem
     *     stopped parsing (a syntax error, an alias, too deep); the problem is then in {@code problems}
     */
    public static Optional<Node> parse(String text, String kind, Problems problems) {
        if (utf8Length(text) > MAX_BYTES) {
            problems.add(Location.FILE, tooLarge());
            return Optional.empty();
        }
        if (!printable(text, problems)) {
            return Optional.empty();
        }
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(new StringReader(text))) {
            Builder builder = new Builder(parser, kind, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new ScalarNode("", true, Location.START));
            }
            Node root = builder.value(first, 1);
            JsonToken next = parser.nextToken();
            if (next != null) {
                problems.add(builder.here(), "a second YAML document starts here; " + kind
                        + " hold one document (remove the '---' line)");
            }
            return Optional.of(root);
        } catch (Stop stop) {
            problems.add(stop.where, stop.getMessage());
        } catch (JacksonException e) {
            reportSyntax(e, kind, problems);
        } catch (IOException e) {
            problems.add(Location.START, "cannot parse: " + e);
        }
        return Optional.empty();
    }

    /** A problem that ends parsing (no tree is returned). */
    private static final class Stop extends RuntimeException {
        private final Location where;

        Stop(Location where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    private static final class Builder {
        private final YAMLParser parser;
        private final String kind;
        private final Problems problems;

        Builder(YAMLParser parser, String kind, Problems problems) {
            this.parser = parser;
            this.kind = kind;
            this.problems = problems;
        }

        Location here() {
            return location(parser.currentTokenLocation());
        }

        Node value(JsonToken token, int depth) throws IOException {
            Location at = here();
            if (token == null) {
                throw new Stop(at, "invalid YAML: the text ends in the middle of a value");
            }
            if (depth > MAX_DEPTH) {
                throw new Stop(at, "nesting deeper than " + MAX_DEPTH + " levels is not supported");
            }
            return switch (token) {
                case START_OBJECT -> map(at, depth);
                case START_ARRAY -> list(at, depth);
                case VALUE_NULL -> new ScalarNode(text(), true, at);
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                    if (parser.isCurrentAlias()) {
                        throw new Stop(at, aliases(kind));
                    }
                    yield new ScalarNode(text(), false, at);
                }
                default -> throw new Stop(at, "unexpected YAML token " + token);
            };
        }

        private String text() throws IOException {
            String text = parser.getText();
            return text == null ? "" : text;
        }

        private MapNode map(Location at, int depth) throws IOException {
            List<MapNode.Entry> entries = new ArrayList<>();
            Map<String, Location> seen = new HashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new Stop(here(), "expected a key, found " + token);
                }
                String key = parser.currentName();
                Location keyAt = here();
                Node value = value(parser.nextToken(), depth + 1);
                Location first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(keyAt, "duplicate key '" + key + "' (first at line " + first.line() + ")");
                } else {
                    entries.add(new MapNode.Entry(key, keyAt, value));
                }
            }
            return new MapNode(entries, at);
        }

        private ListNode list(Location at, int depth) throws IOException {
            List<Node> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                items.add(value(token, depth + 1));
            }
            return new ListNode(items, at);
        }
    }

    private static String aliases(String kind) {
        return "aliases are not supported in " + kind + "; write the value out in full";
    }

    private static void reportSyntax(JacksonException e, String kind, Problems problems) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            Location at = new Location(mark.getLine() + 1, mark.getColumn() + 1);
            String problem = String.valueOf(marked.getProblem()).strip();
            String message;
            if (problem.contains("(TAB)")) {
                message = "a tab character cannot indent YAML; use spaces";
            } else if (problem.startsWith("mapping values are not allowed here")) {
                message = "invalid YAML: a ':' where no key can start (check this line's indentation, or quote"
                        + " a value that contains ': ')";
            } else {
                message = "invalid YAML: " + problem;
                var context = marked.getContextMark();
                if (marked.getContext() != null && context != null && context.getIndex() != mark.getIndex()) {
                    message += " (" + marked.getContext().strip() + " at line " + (context.getLine() + 1)
                            + ", column " + (context.getColumn() + 1) + ")";
                }
                if (problem.endsWith("but got [")) {
                    // Brackets end a plain value inside { } or [ ]: `{ kill: web[2] }` reads as web, then a list.
                    message += "; inside { } or [ ] a value that contains [ ] must be quoted, like \"web[2]\"";
                }
            }
            problems.add(at, message);
            return;
        }
        Location at = location(e.getLocation());
        String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        if (original.contains("AliasEvent")) {
            problems.add(at, aliases(kind));
        } else if (original.startsWith("Expected a field name")) {
            problems.add(at, "a key must be a plain value; lists and mappings as keys are not supported");
        } else {
            problems.add(at, "invalid YAML: " + original.strip());
        }
    }

    private static Location location(JsonLocation where) {
        if (where == null || where.getLineNr() < 1) {
            return Location.START;
        }
        return new Location(where.getLineNr(), Math.max(1, where.getColumnNr()));
    }

    /**
     * YAML's printable set (YAML 1.1/1.2 c-printable) without the three line breaks of YAML 1.1 that editors do not
     * break lines at (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR): the parser would count lines the editor does not
     * show, and every line:column after one would point at the wrong place. Anything else is reported at its place.
     */
    private static boolean printable(String text, Problems problems) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == 0x85 || c == 0x2028 || c == 0x2029) {
                problems.add(locationAfter(text.subSequence(0, i)), String.format("U+%04X is a line break to YAML"
                        + " but not to editors, so it is not allowed (use a plain line break)", c));
                return false;
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E)
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                problems.add(locationAfter(text.subSequence(0, i)),
                        String.format("control character U+%04X is not allowed in YAML (is this a binary file?)", c));
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The line and column of the character that follows {@code prefix}, columns counted in code points. */
    static Location locationAfter(CharSequence prefix) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= prefix.length() || prefix.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Location(line, column);
    }

    private static long utf8Length(String text) {
        if (text.length() > MAX_BYTES) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
