package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.provision.ProxyApi;
import java.util.Optional;

/** A project's proxies, when it has a Toxiproxy container that runs. */
public final class ProjectProxies {
    private ProjectProxies() {
    }

    /** Empty when the project has no running proxy container: then no network fault can be in effect either. */
    public static Optional<Faults> open(Engine engine, String project) {
        return ProxyApi.connect(engine, project).map(ToxiproxyFaults::new);
    }
}
