package dev.scaler.cli;

import dev.scaler.state.Deployments;
import dev.scaler.state.Deployments.Deployed;
import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import dev.scaler.topology.TopologyException;
import dev.scaler.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Between a topology and what `.scaler/deployed` keeps of it: what a project runs, read back as a topology. */
final class DeployedTopology {
    private DeployedTopology() {
    }

    /** The state directory's deployments. */
    static Deployments store() {
        return Deployments.in(StateDir.resolve());
    }

    /** What to keep of a topology read from {@code file}. */
    static Deployed of(Topology t, Path file) {
        try {
            return new Deployed(file.toAbsolutePath().toString(), Files.readString(file), t.images().yaml(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The project's current spec; a usage error when no `up` of this state directory made it. */
    static Deployed current(String project) {
        return store().current(project).orElseThrow(() -> new UsageException("there is no record of how " + project
                + " was brought up in " + StateDir.resolve() + "; run `scaler up FILE` for it first (from this"
                + " directory, or with the same SCALER_STATE_DIR)"));
    }

    /** The topology a deployed spec describes. */
    static Topology load(Deployed d) throws TopologyException {
        Topology t = TopologyLoader.parse(d.text(), d.source())
                .withImages(ImageProfile.valueOf(d.images().toUpperCase(Locale.ROOT)));
        return d.webReplicas() > 0 ? t.withWebReplicas(d.webReplicas()) : t;
    }
}
