package dev.scaler.plan;

import dev.scaler.topology.Cdn;
import dev.scaler.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CDN: MinIO as the origin of the static assets and, unless {@code edge.cache: false}, an nginx edge that caches
 * them. The public one (the edge, or MinIO without it) is published on the load balancer's address at
 * {@link Cdn#PORT_OFFSET} above its port; web replicas get its URL as {@code SCALER_CDN_URL}.
 */
public final class CdnTier {
    /** MinIO's S3 API inside its container. */
    public static final int ORIGIN_PORT = 9000;
    /** The MinIO root account; its password is generated like every other secret. */
    public static final String ACCESS_KEY = "scaler";
    /** The placeholder for the MinIO root password. */
    public static final String SECRET_KEY = "${secret:cdn.password}";

    private CdnTier() {
    }

    /** The origin's container name. */
    public static String origin(Topology t) {
        return t.name() + "-cdn-origin";
    }

    /** The edge's container name. */
    public static String edge(Topology t) {
        return t.name() + "-cdn-edge";
    }

    /** The public base URL of the assets: {@code SCALER_CDN_URL}; an asset's URL is this, '/', its key. */
    public static String publicUrl(Topology t, Cdn c) {
        var lb = t.loadBalancer();
        // A published 0.0.0.0 is reached, like the load balancer, on this machine's loopback.
        String host = lb.bind().equals("0.0.0.0") ? "127.0.0.1" : lb.bind();
        return "http://" + host + ":" + (lb.port() + Cdn.PORT_OFFSET) + "/" + c.bucket();
    }

    /**
     * The bucket policy `up` sets: anyone may read an object (s3:GetObject on the bucket's keys), nothing else, so
     * anonymous users can neither list the bucket nor write to it.
     */
    public static String publicReadPolicy(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"ScalerPublicAssets","Effect":"Allow",\
                "Principal":{"AWS":["*"]},"Action":["s3:GetObject"],"Resource":["arn:aws:s3:::%s/*"]}]}"""
                .formatted(bucket);
    }

    static TierPlan plan(Topology t, Cdn c, String network) {
        var lb = t.loadBalancer();
        var publicPort = new PortBinding(lb.bind(), lb.port() + Cdn.PORT_OFFSET, c.edge().cache() ? EdgeConfig.PORT
                : ORIGIN_PORT);
        String volume = origin(t) + "-data";
        // With an edge, MinIO is published on an ephemeral loopback port only: `up` uploads through it, nobody else.
        var originPort = c.edge().cache() ? new PortBinding("127.0.0.1", 0, ORIGIN_PORT) : publicPort;
        var containers = new ArrayList<ContainerSpec>();
        containers.add(new ContainerSpec(origin(t), Tier.CDN, 1, Images.minio(t.images()),
                List.of("minio", "server", "/data", "--address", ":" + ORIGIN_PORT, "--quiet"),
                Map.of("MINIO_ROOT_USER", ACCESS_KEY, "MINIO_ROOT_PASSWORD", SECRET_KEY,
                        // No phone-home and no update checks: the system runs offline.
                        "MINIO_UPDATE", "off", "MINIO_BROWSER", "off"),
                List.of(originPort), Labels.container(t.name(), Tier.CDN, 1, "origin"),
                Optional.of(HealthCheck.http(ORIGIN_PORT, "/minio/health/live")), List.of(),
                List.of(new Mount(volume, "/data")), List.of(), network, List.of()));
        if (c.edge().cache()) {
            String config = EdgeConfig.render(origin(t), ORIGIN_PORT, c.bucket(), c.edge().ttl());
            containers.add(new ContainerSpec(edge(t), Tier.CDN, 1, Images.edge(t.images()),
                    List.of("nginx", "-c", EdgeConfig.PATH, "-g", "daemon off;"), Map.of(), List.of(publicPort),
                    Labels.container(t.name(), Tier.CDN, 1, "edge"),
                    Optional.of(HealthCheck.http(EdgeConfig.MONITOR_PORT, "/healthz")),
                    // No start dependency: the edge resolves the origin per request and serves what it has meanwhile.
                    List.of(), List.of(), List.of(new ContainerFile(EdgeConfig.PATH, config, 0644)), network,
                    List.of()));
        }
        return new TierPlan(containers, List.of(new VolumeSpec(volume, Labels.project(t.name()))),
                Map.of("SCALER_CDN_URL", publicUrl(t, c)));
    }
}
