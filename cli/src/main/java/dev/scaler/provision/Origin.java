package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.CdnTier;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.Tier;
import dev.scaler.state.Secrets;
import io.minio.MinioClient;
import java.util.List;
import java.util.Optional;

/**
 * A project's MinIO, reached with MinIO's Java client as its root account on the port Docker published on this
 * machine (with an edge, an ephemeral loopback port read back from Docker, never assumed).
 */
public record Origin(String container, String endpoint, MinioClient client) {

    /** The project's running origin among these containers, with the credentials `up` generated for it. */
    public static Optional<Origin> find(String project, List<ObservedContainer> containers, Secrets secrets) {
        Optional<String> password = secrets.known(CdnTier.SECRET_KEY);
        if (password.isEmpty()) {
            return Optional.empty();
        }
        return containers.stream()
                .filter(c -> project.equals(c.labels().get(Labels.PROJECT)) && Tier.CDN.label().equals(c.tier())
                        && "origin".equals(c.labels().get(Labels.ROLE)) && c.running())
                .flatMap(c -> c.ports().stream().filter(p -> p.containerPort() == CdnTier.ORIGIN_PORT)
                        .map(p -> origin(c.name(), p, password.get())))
                .findFirst();
    }

    /** The project's origin, asked of the engine. */
    public static Optional<Origin> connect(Engine engine, String project, Secrets secrets) {
        return find(project, engine.containers(Optional.of(project)), secrets);
    }

    private static Origin origin(String container, PortBinding p, String password) {
        String host = p.hostIp().equals("0.0.0.0") || p.hostIp().isEmpty() ? "127.0.0.1" : p.hostIp();
        String endpoint = "http://" + host + ":" + p.hostPort();
        var client = MinioClient.builder().endpoint(endpoint).credentials(CdnTier.ACCESS_KEY, password).build();
        client.setTimeout(5_000, 30_000, 30_000);
        return new Origin(container, endpoint, client);
    }
}
