package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.Engine;
import dev.scaler.engine.Swarm;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which engine a command speaks to: this Docker engine, or a swarm of `scaler cluster up` (as a Docker context would). */
final class EngineChoice {
    /** The backends. */
    enum Kind { docker, swarm }

    @Option(names = "--engine", paramLabel = "docker|swarm", defaultValue = "docker",
            description = "Where the project runs: this Docker engine (default) or a Swarm of `scaler cluster up`.")
    Kind kind = Kind.docker;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The swarm, by cluster name (implies --engine swarm); default: the only one that runs.")
    Optional<String> cluster = Optional.empty();

    /** True when the command acts on a swarm. */
    boolean swarm() {
        return kind == Kind.swarm || cluster.isPresent();
    }

    /** Connects to the chosen engine. */
    Engine connect() {
        return swarm() ? Swarm.connect(cluster) : DockerEngine.connect();
    }
}
