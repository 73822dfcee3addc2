package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A corpus of files that must fail to load, each announcing its problem on its first line:
 * {@code # expect: <line>:<column> <part of the message>}. Files that cannot carry a comment (empty, binary) keep that
 * line, without {@code # expect:}, in a side file {@code <file>.expect}. Shared by the topology and experiment corpora.
 */
public final class BadFiles {
    private static final Pattern EXPECT = Pattern.compile("(?:# expect: )?(\\d+):(\\d+) (.+)");

    private BadFiles() {
    }

    /** The directory of a corpus on the test classpath, e.g. {@code /topologies/bad}. */
    public static Path dir(String resource) {
        try {
            return Path.of(BadFiles.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The corpus' files, side files left out, sorted. */
    public static Stream<Path> files(String resource) {
        try (Stream<Path> files = Files.list(dir(resource))) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".expect")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that one of the problems is the one the file announces, at its file, line and column. */
    public static void assertAnnounced(Path file, List<Problem> problems, String message) throws IOException {
        Matcher expect = expectation(file);
        String where = expect.group(1) + ":" + expect.group(2);
        assertThat(problems).as("problems of %s:\n%s", file.getFileName(), message).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo(file.toString());
            assertThat(p.location().toString()).isEqualTo(where);
            assertThat(p.message()).contains(expect.group(3));
        });
    }

    private static Matcher expectation(Path file) throws IOException {
        Path side = file.resolveSibling(file.getFileName() + ".expect");
        String line;
        if (Files.exists(side)) {
            line = Files.readString(side).strip();
        } else {
            line = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertThat(line).as("%s must start with '# expect: '", file.getFileName()).startsWith("# expect: ");
        }
        Matcher m = EXPECT.matcher(line);
        assertThat(m.matches()).as("expectation of %s: %s", file.getFileName(), line).isTrue();
        return m;
    }
}
