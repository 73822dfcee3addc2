package dev.scaler.cli;

import dev.scaler.engine.Engine;
import dev.scaler.files.InputFile;
import dev.scaler.plan.Labels;
import dev.scaler.topology.TopologyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Which project a command means: a topology file, a project name, or the only project on the engine. */
final class ProjectName {
    private ProjectName() {
    }

    /** The project named by a file or name argument, if one was given. */
    static Optional<String> fromArgument(Optional<String> fileOrName) throws TopologyException {
        if (fileOrName.isEmpty()) {
            return Optional.empty();
        }
        String arg = fileOrName.get();
        Path path = Path.of(arg);
        if (Files.isRegularFile(path)) {
            return Optional.of(InputFile.topology(path).name());
        }
        if (arg.matches("[a-z][a-z0-9-]{0,30}")) {
            return Optional.of(arg);
        }
        throw new UsageException("'" + arg + "' is neither a topology file nor a project name");
    }

    /** The given project, or the only one on the engine; a usage error when that is ambiguous. */
    static String resolve(Optional<String> given, Engine engine) {
        if (given.isPresent()) {
            return given.get();
        }
        var projects = new TreeSet<String>();
        engine.containers(Optional.empty()).forEach(c -> projects.add(c.labels().get(Labels.PROJECT)));
        if (projects.size() == 1) {
            return projects.first();
        }
        throw new UsageException(projects.isEmpty() ? "no scaler project runs on this engine; name one"
                : "several projects run (" + String.join(", ", List.copyOf(projects)) + "); name one");
    }
}
