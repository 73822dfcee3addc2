package dev.scaler.cli;

import dev.scaler.chaos.ChaosScript;
import dev.scaler.chaos.ExperimentException;
import dev.scaler.chaos.ExperimentLoader;
import dev.scaler.files.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds an experiment by what the user typed: a path to a file, {@code chaos-scripts/NAME.yaml} under the current
 * directory (so a team's own scripts win), or a built-in of that name shipped inside scaler's jar.
 */
final class ChaosScripts {
    private static final String BUILT_INS = "/chaos-scripts/";
    private static final String LOCAL = "chaos-scripts";

    private ChaosScripts() {
    }

    static ChaosScript find(String nameOrPath) throws ExperimentException {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return InputFile.script(path);
        }
        if (nameOrPath.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            Path local = Path.of(LOCAL, nameOrPath + ".yaml");
            if (Files.isRegularFile(local)) {
                return InputFile.script(local);
            }
            try (InputStream in = ChaosScripts.class.getResourceAsStream(BUILT_INS + nameOrPath + ".yaml")) {
                if (in != null) {
                    return ExperimentLoader.parseScript("built-in " + nameOrPath,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UsageException("no experiment '" + nameOrPath + "': not a file, not " + LOCAL + "/" + nameOrPath
                + ".yaml here, and not a built-in (" + String.join(", ", names()) + ")");
    }

    /** The names of every experiment available here: the built-ins and this directory's chaos-scripts/. */
    static List<String> names() {
        var names = new TreeSet<String>();
        try {
            var url = ChaosScripts.class.getResource(BUILT_INS);
            if (url != null) {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (var fs = jarFileSystem(uri)) {
                        addYaml(fs.getPath(BUILT_INS), names);
                    }
                } else {
                    addYaml(Path.of(uri), names);
                }
            }
            addYaml(Path.of(LOCAL), names);
        } catch (IOException | URISyntaxException e) {
            // Names are a convenience for messages and completion; an unreadable directory lists nothing.
        }
        return List.copyOf(names);
    }

    private static java.nio.file.FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            throw new IOException("jar file system already open", e);
        } catch (FileSystemNotFoundException e) {
            throw new IOException(e);
        }
    }

    private static void addYaml(Path dir, TreeSet<String> names) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".yaml".length())));
        }
    }
}
