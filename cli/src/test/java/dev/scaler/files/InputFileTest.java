package dev.scaler.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.chaos.ExperimentException;
import dev.scaler.topology.Cdn;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the files a user names: what the pure loaders never see (missing, unreadable, binary, too large files). */
class InputFileTest {


    @Test
    void loadsAFileAndKeepsItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, "name: demo\n");
        Topology t = InputFile.topology(file);
        assertThat(t.name()).isEqualTo("demo");
        assertThat(t.source()).isEqualTo(file.toString());
    }

    @Test
    void aMissingFileIsAProblem(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> InputFile.topology(file)).isInstanceOf(TopologyException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void aDirectoryIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> InputFile.topology(dir)).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void invalidUtf8IsAProblemAtItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: demo\nweb: {image: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> InputFile.topology(file));
        assertThat(e.problems()).singleElement().hasToString(
                file + ":2:17: not valid UTF-8 text at byte 27 (is this a binary file?)");
    }

    @Test
    void aFileOverOneMebibyteIsNotParsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "name: demo\n" + "#".repeat(1 << 20));
        assertThatThrownBy(() -> InputFile.topology(file)).hasMessageContaining(
                "the file is larger than 1 MiB (1048576 bytes)");
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFFname: demo\r\nweb: {replicas: 3}\r\n");
        assertThat(InputFile.topology(file).web().replicas()).isEqualTo(3);
    }

    @Test
    void assetsResolveAgainstTheTopologyFilesDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("site/static"));
        Path file = topology(dir.resolve("topologies/shop.yaml"), "name: demo\ncdn: {assets: ../site/static}\n");
        Cdn cdn = InputFile.topology(file).cdn().orElseThrow();
        assertThat(cdn.assets().orElseThrow().path())
                .isEqualTo(dir.resolve("site/static").toAbsolutePath().normalize().toString());
    }

    @Test
    void assetsMustExist(@TempDir Path dir) throws IOException {
        Path file = topology(dir.resolve("shop.yaml"), "name: demo\ncdn:\n  assets: missing\n");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> InputFile.topology(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith(file + ":3:11: cdn.assets: directory " + dir.resolve("missing"))
                    .endsWith("does not exist (the path is relative to the topology file's directory)");
        });
    }

    @Test
    void assetsMustBeADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.html"), "<html>");
        Path file = topology(dir.resolve("shop.yaml"), "name: demo\ncdn:\n  assets: index.html\n");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> InputFile.topology(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().toString()).isEqualTo("3:11");
            assertThat(p.message()).endsWith("index.html is not a directory");
        });
    }

    @Test
    void anExperimentFileThatCannotBeReadIsAProblemAtTheFile(@TempDir Path dir) {
        Path file = dir.resolve("gone.yaml");
        assertThatThrownBy(() -> InputFile.script(file)).isInstanceOf(ExperimentException.class)
                .hasMessage(file + ": no such file");
    }

    private static Path topology(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
