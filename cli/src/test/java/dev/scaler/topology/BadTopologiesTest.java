package dev.scaler.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scaler.files.InputFile;
import dev.scaler.yaml.BadFiles;
import dev.scaler.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    static Path dir() {
        return BadFiles.dir("/topologies/bad");
    }

    static Stream<Path> files() {
        return BadFiles.files("/topologies/bad");
    }

    @Test
    void theCorpusHasAtLeastTwentyFiles() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void failsWithTheAnnouncedProblem(Path file) throws IOException {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> InputFile.topology(file));
        assertThat(e).as("%s loaded without problems", file.getFileName()).isNotNull();
        BadFiles.assertAnnounced(file, e.problems(), e.getMessage());
    }

    @Test
    void anAliasBombFailsFastAtTheFirstAlias() throws Exception {
        Path bomb = dir().resolve("alias-bomb.yaml");
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> catchThrowableOfType(TopologyException.class, () -> InputFile.topology(bomb)));
        assertThat(e.problems()).singleElement().hasToString(
                bomb + ":4:8: aliases are not supported in topology files; write the value out in full");
    }

    @Test
    void aFileWithSeveralProblemsReportsThemAllAtOnce() throws Exception {
        Path file = dir().resolveSibling("several-problems.yaml");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> InputFile.topology(file));
        assertThat(e.problems()).extracting(p -> p.location() + " " + p.message()).containsExactly(
                "1:7 name: expected a project name: a lowercase letter, then up to 30 lowercase letters, digits"
                        + " or '-', got 'Shop'",
                "3:9 loadBalancer.port: expected a whole number from 1024 to 65535, got '80'",
                "4:3 unknown field 'algoritm' in loadBalancer; did you mean 'algorithm'?",
                "6:13 web.replicas: expected a whole number from 1 to 64, got 'three'",
                "9:9 database.kind: expected mysql or mariadb, got 'postgres'",
                "12:10 proxies: expected true or false, got 'maybe'");
        assertThat(e.getMessage().lines()).hasSize(6).allSatisfy(line -> assertThat(line).startsWith(file + ":"));
    }
}
