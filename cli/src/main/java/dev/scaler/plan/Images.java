package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;

/** Which image each tier runs in each profile: pinned official images upstream, local builds offline. */
public final class Images {
    /** The load balancer in the upstream profile (official image, pinned). */
    public static final String HAPROXY_UPSTREAM = "haproxy:3.2.4";
    /** Redis in the upstream profile (official image, pinned). */
    public static final String REDIS_UPSTREAM = "redis:7.4.6";

    private Images() {
    }

    /** The HAProxy image of a profile. */
    public static String haproxy(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/haproxy:offline" : HAPROXY_UPSTREAM;
    }

    /** The Redis image of a profile. */
    public static String redis(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/redis:offline" : REDIS_UPSTREAM;
    }

    /**
     * The reference worker's command in the web app image: the image's own CMD (images/webapp/Dockerfile, the same
     * JVM settings) with the argument {@code worker}. A command, not an entry point, because the agent image is built
     * FROM the web app image and runs its own.
     */
    public static final java.util.List<String> WORKER_COMMAND = java.util.List.of("java", "-XX:+UseSerialGC",
            "-Xmx128m", "-XX:TieredStopAtLevel=1", "@/app/aot.args", "-jar", "/app/webapp.jar", "worker");

    /** The bundled web app; no registry publishes it, so both profiles build it locally. */
    public static String webapp(ImageProfile profile) {
        return "scaler/webapp:" + profile.yaml();
    }

    /** MySQL 8.4 LTS and MariaDB 10.11 LTS, the versions the SQL dialects are written for. */
    public static final String MYSQL_UPSTREAM = "mysql:8.4.7";
    public static final String MARIADB_UPSTREAM = "mariadb:10.11.15";
    /** Where the tool's own jar sits in the agent image. */
    public static final String AGENT_JAR = "/app/scaler.jar";

    /** The database image of a profile and dialect; offline builds MariaDB only (MySQL is not in Debian). */
    public static String database(ImageProfile profile, dev.scaler.sql.Dialect dialect) {
        if (profile == ImageProfile.OFFLINE) {
            return "scaler/mariadb:offline";
        }
        return dialect == dev.scaler.sql.Dialect.MYSQL ? MYSQL_UPSTREAM : MARIADB_UPSTREAM;
    }

    /** Toxiproxy in the upstream profile (official image, pinned; images/build.sh builds the same version offline). */
    public static final String TOXIPROXY_UPSTREAM = "ghcr.io/shopify/toxiproxy:2.12.0";

    /** The Toxiproxy image of a profile; both have the server at /toxiproxy (entry point) and /toxiproxy-cli. */
    public static String toxiproxy(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/toxiproxy:offline" : TOXIPROXY_UPSTREAM;
    }

    /**
     * MinIO in the upstream profile: the last image MinIO published (it publishes none since late 2025); images/build.sh
     * builds the server offline from its Go module at a newer pinned commit.
     */
    public static final String MINIO_UPSTREAM = "minio/minio:RELEASE.2025-09-07T16-13-09Z";
    /** The CDN edge in the upstream profile (official nginx image, pinned). */
    public static final String EDGE_UPSTREAM = "nginx:1.28.0";

    /** The MinIO image of a profile; both have the server at /usr/bin/minio on the PATH. */
    public static String minio(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/minio:offline" : MINIO_UPSTREAM;
    }

    /** The nginx image of the CDN edge; the config scaler writes names every path it uses. */
    public static String edge(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/edge:offline" : EDGE_UPSTREAM;
    }

    /**
     * RabbitMQ in the upstream profile (official image with the management plugin, pinned); the offline profile's is
     * Debian bookworm's 3.10.8. Both read what scaler gives them the same way (plan.QueueTier).
     */
    public static final String RABBITMQ_UPSTREAM = "rabbitmq:3.13.7-management";

    /** The RabbitMQ image of a profile. */
    public static String rabbitmq(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/rabbitmq:offline" : RABBITMQ_UPSTREAM;
    }

    /** The failover agent: the tool's own jar on a small Java runtime; built locally in both profiles. */
    public static String agent(ImageProfile profile) {
        return "scaler/agent:" + profile.yaml();
    }

    /** True for images that `scaler images build` makes, as opposed to images pulled from a registry. */
    public static boolean builtLocally(String image) {
        return image.startsWith("scaler/");
    }
}
