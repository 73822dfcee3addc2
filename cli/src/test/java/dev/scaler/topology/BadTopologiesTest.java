package dev.scaler.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scaler.yaml.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under topologies/bad/ must fail to load with the problem its first line announces:
 * {@code # expect: <line>:<column> <part of the message>}. Files that cannot carry a comment (the empty file,
 * the binary file) keep that line, without {@code # expect:}, in a side file named {@code <file>.expect}.
 */
class BadTopologiesTest {

    private static final Pattern EXPECT = Pattern.compile("(?:# expect: )?(\\d+):(\\d+) (.+)");

    static Path dir() throws URISyntaxException {
        return Path.of(BadTopologiesTest.class.getResource("/topologies/bad").toURI());
    }

    static Stream<Path> files() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".expect")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastTwentyFiles() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void failsWithTheAnnouncedProblem(Path file) throws IOException {
        Matcher expect = expectation(file);
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));
        assertThat(e).as("%s loaded without problems", file.getFileName()).isNotNull();
        String where = expect.group(1) + ":" + expect.group(2);
        List<Problem> problems = e.problems();
        assertThat(problems).as("problems of %s:\n%s", file.getFileName(), e.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.location().toString()).isEqualTo(where);
                    assertThat(p.message()).contains(expect.group(3));
                });
    }

    @Test
    void anAliasBombFailsFastAtTheFirstAlias() throws Exception {
        Path bomb = dir().resolve("alias-bomb.yaml");
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(bomb)));
        assertThat(e.problems()).singleElement().hasToString(
                bomb + ":4:8: aliases are not supported in topology files; write the value out in full");
    }

    @Test
    void aFileWithSeveralProblemsReportsThemAllAtOnce() throws Exception {
        Path file = dir().resolveSibling("several-problems.yaml");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));
        assertThat(e.problems()).extracting(p -> p.location() + " " + p.message()).containsExactly(
                "1:7 name: expected a project name: a lowercase letter, then up to 30 lowercase letters, digits"
                        + " or '-', got 'Shop'",
                "3:9 loadBalancer.port: expected a whole number from 1024 to 65535, got '80'",
                "4:3 unknown field 'algoritm' in loadBalancer; did you mean 'algorithm'?",
                "6:13 web.replicas: expected a whole number from 1 to 9, got 'three'",
                "9:9 database.kind: expected mysql or mariadb, got 'postgres'",
                "12:10 proxies: expected true or false, got 'maybe'");
        assertThat(e.getMessage().lines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith(file + ":"));
    }

    private static Matcher expectation(Path file) throws IOException {
        Path side = file.resolveSibling(file.getFileName() + ".expect");
        String line;
        if (Files.exists(side)) {
            line = Files.readString(side).strip();
        } else {
            byte[] bytes = Files.readAllBytes(file);
            line = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertThat(line).as("%s must start with '# expect: '", file.getFileName()).startsWith("# expect: ");
        }
        Matcher m = EXPECT.matcher(line);
        assertThat(m.matches()).as("expectation of %s: %s", file.getFileName(), line).isTrue();
        return m;
    }
}
