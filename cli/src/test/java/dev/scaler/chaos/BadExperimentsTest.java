package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.yaml.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under experiments/bad/ must fail to load with the problem its first line announces:
 * {@code # expect: <line>:<column> <part of the message>}; the empty file keeps that line, without
 * {@code # expect:}, in {@code empty.yaml.expect}. The same convention as topologies/bad.
 */
class BadExperimentsTest {

    private static final Pattern EXPECT = Pattern.compile("(?:# expect: )?(\\d+):(\\d+) (.+)");

    static Path dir() throws URISyntaxException {
        return Path.of(BadExperimentsTest.class.getResource("/experiments/bad").toURI());
    }

    static Stream<Path> files() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".expect")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyFiles() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void failsWithTheAnnouncedProblem(Path file) throws IOException {
        Matcher expect = expectation(file);
        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> ExperimentLoader.loadScript(file));
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

    private static Matcher expectation(Path file) throws IOException {
        Path side = file.resolveSibling(file.getFileName() + ".expect");
        String line;
        if (Files.exists(side)) {
            line = Files.readString(side).strip();
        } else {
            line = Files.readString(file).lines().findFirst().orElse("");
            assertThat(line).as("%s must start with '# expect: '", file.getFileName()).startsWith("# expect: ");
        }
        Matcher m = EXPECT.matcher(line);
        assertThat(m.matches()).as("expectation of %s: %s", file.getFileName(), line).isTrue();
        return m;
    }
}
