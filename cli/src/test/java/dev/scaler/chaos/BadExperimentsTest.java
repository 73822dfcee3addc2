package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.files.InputFile;
import dev.scaler.yaml.BadFiles;
import dev.scaler.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static Path dir() {
        return BadFiles.dir("/experiments/bad");
    }

    static Stream<Path> files() {
        return BadFiles.files("/experiments/bad");
    }

    @Test
    void theCorpusHasAtLeastFortyFiles() throws Exception {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void failsWithTheAnnouncedProblem(Path file) throws IOException {
        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> InputFile.script(file));
        assertThat(e).as("%s loaded without problems", file.getFileName()).isNotNull();
        BadFiles.assertAnnounced(file, e.problems(), e.getMessage());
    }
}
