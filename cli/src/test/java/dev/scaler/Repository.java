package dev.scaler;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests read: the shipped topologies, experiments and tools. */
public final class Repository {
    private Repository() {
    }

    /** The repository's root: the first directory above the working one that has topologies/starter.yaml. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("topologies/starter.yaml"))) {
                return dir;
            }
        }
        throw new AssertionError("no topologies/starter.yaml above " + Path.of("").toAbsolutePath());
    }
}
