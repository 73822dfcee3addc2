package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scaler.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random and mutated YAML for the property tests of the loaders: the shipped files with lines deleted, duplicated
 * or re-indented, random scalars in random fields, random characters; and random documents made of the keys those
 * files use. Plus the one property every loader must have.
 */
public final class YamlFuzz {

    /** A hang guard per try, not a speed claim: a try takes milliseconds. */
    public static final Duration PER_TRY = Duration.ofSeconds(5);

    private static final Pattern KEY = Pattern.compile("^(\\s*(?:- )?)([A-Za-z][A-Za-z0-9]*):(.*)$");

    /** Values that have broken YAML binders elsewhere: types, units, signs, sizes, YAML's own syntax. */
    private static final List<String> SCALARS = List.of("", "~", "null", "true", "no", "0", "-1", "1", "9", "10",
            "17", "2147483648", "99999999999999999999", "-0", "1e308", "1.5", ".nan", ".inf", "-.inf", "0x1F", "0o17",
            "1s", "0s", "-5s", "1.5s", "500ms", "1h", "10m", "99999999999d", "1mb", "0mb", "16gb", "17gb", "1tb",
            "200/s", "0/s", "-1/s", "1e9/s", "abc/s", "50%", "101%", "-1%", ">= 99%", "<= 10s", "<= 500ms", "< 0",
            ">=", "web", "web[2]", "web[*]", "web[-1]", "web[99999999999]", "shard[0].primary", "database.primary",
            "cache.sentinel", "dc:nowhere", "web -> database.primary", "web ->", "-> x", "a -> b -> c", "all",
            "[]", "{}", "[1, 2]", "{ a: 1 }", "'quoted'", "\"quoted\"", "\"unterminated", "'", "*alias", "&anchor x",
            "!!binary AAAA", "!tag x", "? x", "| x", "> x", "#", "%", "@", "`", "---", "...", "\\u0000", "\u00e9t\u00e9",
            "\uD83D\uDE00", "a".repeat(300), "UPPER", "mysql", "mariadb", "postgres", "redis", "auto", "manual",
            "hash", "range", "offline", "upstream", "leastconn", "async", "semi-sync", "replicas", "primary");

    private YamlFuzz() {
    }

    /** The text of every {@code .yaml} file shipped in a directory of the repository, in name order. */
    public static List<String> shipped(String dir) {
        try (Stream<Path> files = Files.list(Repository.root().resolve(dir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(YamlFuzz::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mapping key written in these texts: the vocabulary of {@link #randomDocuments}. */
    public static Set<String> keysOf(List<String> texts) {
        return texts.stream().flatMap(String::lines).map(KEY::matcher).filter(Matcher::matches)
                .map(m -> m.group(2)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** One of the seeds with one to four mutations applied, each at a random place. */
    public static Arbitrary<String> mutationsOf(List<String> seeds) {
        return Arbitraries.randomValue(random -> {
            String text = seeds.get(random.nextInt(seeds.size()));
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                text = mutate(text, random);
            }
            return text;
        });
    }

    /** Block-style documents up to four levels deep whose keys come from {@code keys} and whose values are odd. */
    public static Arbitrary<String> randomDocuments(Set<String> keys) {
        List<String> vocabulary = List.copyOf(keys);
        return Arbitraries.randomValue(random -> {
            StringBuilder out = new StringBuilder();
            mapping(vocabulary, random, "", 0, out);
            return out.toString();
        });
    }

    /**
     * The property: the loader returns, or fails with its located error type, within {@link #PER_TRY}; every
     * problem names the file and a line and column inside the text (line 0: the file as a whole).
     *
     * @return whether the text loaded (for the statistics of a property)
     */
    public static boolean loadsOrFailsLocated(String text, String source, Class<? extends Exception> located,
            Loader loader) {
        return loadsOrFailsLocated(text, source, located, loader, PER_TRY);
    }

    /** The same with another hang guard (the negative controls use a short one). */
    static boolean loadsOrFailsLocated(String text, String source, Class<? extends Exception> located, Loader loader,
            Duration perTry) {
        List<Problem> problems = assertTimeoutPreemptively(perTry, () -> {
            try {
                loader.load(text);
                return List.<Problem>of();
            } catch (Exception e) {
                if (!located.isInstance(e)) {
                    throw new AssertionError("not a " + located.getSimpleName() + " for:\n" + text, e);
                }
                return problemsOf(e);
            }
        }, () -> "the loader hung on:\n" + text);
        // Lines as YAML counts them: \n, \r\n and a lone \r each end one.
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        for (Problem p : problems) {
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.message()).as("a problem says what is wrong: %s", p).isNotBlank();
            if (p.line() != 0) {
                assertThat(p.line()).as("%s in:\n%s", p, text).isBetween(1, lines.size());
                String line = lines.get(p.line() - 1);
                assertThat(p.column()).as("%s in:\n%s", p, text)
                        .isBetween(1, line.codePointCount(0, line.length()) + 1);
            }
        }
        return problems.isEmpty();
    }

    private static List<Problem> problemsOf(Exception e) {
        try {
            @SuppressWarnings("unchecked")
            List<Problem> problems = (List<Problem>) e.getClass().getMethod("problems").invoke(e);
            assertThat(problems).as("a located error carries its problems").isNotEmpty();
            return problems;
        } catch (ReflectiveOperationException r) {
            throw new AssertionError(e.getClass() + " has no problems()", r);
        }
    }

    /** A loader under test: text in, a value or its located exception out. */
    @FunctionalInterface
    public interface Loader {
        void load(String text) throws Exception;
    }

    private static String mutate(String text, Random random) {
        int at = random.nextInt(10_000);
        return switch (random.nextInt(16)) {
            case 0, 1, 2 -> editLine(text, at, line -> List.of());
            case 3, 4 -> editLine(text, at, line -> List.of(line, line));
            case 5, 6, 7 -> editLine(text, at, line -> {
                int by = random.nextInt(9) - 4;
                String with = random.nextInt(4) == 0 ? "\t" : " ";
                return List.of(by >= 0 ? with.repeat(by) + line : line.substring(Math.min(-by, leading(line))));
            });
            case 8, 9, 10, 11, 12 -> editLine(text, at, line -> {
                String value = pick(SCALARS, random);
                Matcher m = KEY.matcher(line);
                return List.of(m.matches() ? m.group(1) + m.group(2) + ": " + value : line + value);
            });
            case 13, 14 -> {
                int i = random.nextInt(text.length() + 1);
                yield text.substring(0, i) + garbage(random) + text.substring(i);
            }
            default -> text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
        };
    }

    /** Random characters (any code point, control characters among them) or YAML punctuation. */
    private static String garbage(Random random) {
        StringBuilder out = new StringBuilder();
        boolean punctuation = random.nextBoolean();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            if (punctuation) {
                out.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            } else {
                int c = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x100);
                if (Character.isSurrogate((char) c) && c < 0x10000) {
                    out.append((char) c); // a lone surrogate: text no UTF-8 file can hold, still a String
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
        return out.toString();
    }

    private static final String PUNCTUATION = ":-?[]{},&*!|>'\"%@`#\n\t \\";

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static String editLine(String text, int at, Function<String, List<String>> edit) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.isEmpty()) {
            return text;
        }
        int i = at % lines.size();
        lines.addAll(i, edit.apply(lines.remove(i)));
        return String.join("\n", lines) + "\n";
    }

    private static void mapping(List<String> keys, Random random, String indent, int depth, StringBuilder out) {
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            String key = random.nextInt(10) == 0 ? "x" + random.nextInt(100) : pick(keys, random);
            out.append(indent).append(key).append(':');
            value(keys, random, indent + "  ", depth + 1, out);
        }
    }

    private static void value(List<String> keys, Random random, String indent, int depth, StringBuilder out) {
        int kind = depth >= 4 ? 0 : random.nextInt(9);
        if (kind < 6) {
            out.append(' ').append(pick(SCALARS, random)).append('\n');
        } else if (kind < 8) {
            out.append('\n');
            mapping(keys, random, indent, depth, out);
        } else {
            out.append('\n');
            for (int n = random.nextInt(4); n > 0; n--) {
                out.append(indent).append('-');
                value(keys, random, indent + "  ", depth + 1, out);
            }
        }
    }
}
