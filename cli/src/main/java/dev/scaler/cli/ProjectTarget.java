package dev.scaler.cli;

import dev.scaler.topology.TopologyException;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project a command acts on, named by a topology file, a name, or --project; shared as a mixin. */
final class ProjectTarget {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|PROJECT",
            description = "A topology file or a project name; optional when exactly one project runs.")
    Optional<String> target = Optional.empty();

    @Option(names = "--project", paramLabel = "NAME", description = "The project, by name.")
    Optional<String> project = Optional.empty();

    /** The project named on the command line, if any (a file is read for its name). */
    Optional<String> given() throws TopologyException {
        return project.isPresent() ? project : ProjectName.fromArgument(target);
    }
}
