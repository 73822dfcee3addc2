package dev.scaler.files;

import dev.scaler.chaos.ChaosScript;
import dev.scaler.chaos.Experiment;
import dev.scaler.chaos.ExperimentException;
import dev.scaler.chaos.ExperimentLoader;
import dev.scaler.topology.Cdn;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import dev.scaler.topology.TopologyLoader;
import dev.scaler.yaml.Location;
import dev.scaler.yaml.Problem;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a user names (topologies, experiments, gamedays), read for the loaders, which take text: this is the one
 * place that touches the file system for them. A file that cannot be read is a problem like any other, located at
 * the file ({@code shop.yaml: no such file}); the file's path as given names it in every message.
 */
public final class InputFile {

    private InputFile() {
    }

    /** A topology file, read and validated; {@code cdn.assets} is resolved against the file's directory. */
    public static Topology topology(Path file) throws TopologyException {
        String source = file.toString();
        Problems problems = new Problems(source);
        Optional<String> text = text(file, problems);
        if (text.isEmpty()) {
            throw new TopologyException(problems.sorted());
        }
        Topology t = TopologyLoader.parse(text.get(), source);
        if (t.cdn().isEmpty() || t.cdn().get().assets().isEmpty()) {
            return t;
        }
        Cdn cdn = t.cdn().get();
        Path directory = assets(file, cdn.assets().get());
        return t.withCdn(new Cdn(cdn.kind(), cdn.bucket(), Optional.of(new Cdn.Assets(directory.toString(),
                cdn.assets().get().location())), cdn.edge()));
    }

    /** An experiment file; a gameday is refused. */
    public static Experiment experiment(Path file) throws ExperimentException {
        return ExperimentLoader.parse(file.toString(), experimentText(file));
    }

    /** A file that holds an experiment or a gameday. */
    public static ChaosScript script(Path file) throws ExperimentException {
        return ExperimentLoader.parseScript(file.toString(), experimentText(file));
    }

    private static String experimentText(Path file) throws ExperimentException {
        Problems problems = new Problems(file.toString());
        Optional<String> text = text(file, problems);
        if (text.isEmpty()) {
            throw new ExperimentException(problems.sorted());
        }
        return text.get();
    }

    // The directory cdn.assets names, relative to the topology file's directory; it must exist.
    private static Path assets(Path file, Cdn.Assets assets) throws TopologyException {
        Path directory;
        try {
            directory = file.toAbsolutePath().getParent().resolve(assets.path()).normalize();
        } catch (InvalidPathException e) {
            throw problem(file, assets.location(), "'" + assets.path() + "' is not a valid path");
        }
        if (!Files.exists(directory)) {
            throw problem(file, assets.location(), "directory " + directory + " does not exist (the path is relative"
                    + " to the topology file's directory)");
        }
        if (!Files.isDirectory(directory)) {
            throw problem(file, assets.location(), directory + " is not a directory");
        }
        return directory;
    }

    private static TopologyException problem(Path file, Location at, String message) {
        return new TopologyException(List.of(new Problem(file.toString(), at, "cdn.assets: " + message)));
    }

    /** The text of a file: strict UTF-8, at most {@value YamlTree#MAX_BYTES} bytes; empty (and a problem) otherwise. */
    static Optional<String> text(Path file, Problems problems) {
        try {
            if (Files.isDirectory(file)) {
                problems.add(Location.FILE, "is a directory, not a file");
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return YamlTree.text(in.readNBytes(YamlTree.MAX_BYTES + 1), problems);
            }
        } catch (NoSuchFileException e) {
            problems.add(Location.FILE, "no such file");
        } catch (AccessDeniedException e) {
            problems.add(Location.FILE, "permission denied");
        } catch (IOException e) {
            problems.add(Location.FILE, "cannot read the file: " + e);
        }
        return Optional.empty();
    }
}
