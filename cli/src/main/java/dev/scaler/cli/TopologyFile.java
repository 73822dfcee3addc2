package dev.scaler.cli;

import dev.scaler.files.InputFile;
import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The topology file argument and the --images override, shared by the commands that read a topology. */
public final class TopologyFile {
    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file (YAML).")
    Path file;

    @Option(names = "--images", paramLabel = "PROFILE",
            description = "Image profile, overriding the file: auto (offline when built here, else upstream when the "
                    + "registry answers), upstream (pull official images) or offline (images built by `scaler images "
                    + "build`). Default: SCALER_IMAGES, else the file's `images:` (auto when it has none).")
    Optional<ImageProfile> images = Optional.empty();

    /** The loaded topology with the override applied. */
    Topology load() throws TopologyException {
        Topology t = InputFile.topology(file);
        Optional<ImageProfile> profile = images.or(TopologyFile::fromEnvironment);
        return profile.map(t::withImages).orElse(t);
    }

    private static Optional<ImageProfile> fromEnvironment() {
        String env = System.getenv("SCALER_IMAGES");
        if (env == null || env.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageProfile.valueOf(env.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("SCALER_IMAGES must be auto, upstream or offline, not '" + env + "'");
        }
    }
}
