package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a topology into a plan: pure, so every decision can be tested without Docker. */
public final class Planner {
    /** The port every bundled web replica listens on inside its container. */
    public static final int WEB_PORT = 8080;
    /** The network alias shared by all web replicas; the load balancer resolves it. */
    public static final String WEB_ALIAS = "web";
    /** The most web replicas a topology may ask for; the load balancer keeps one server slot for each. */
    public static final int MAX_WEB_REPLICAS = dev.scaler.topology.Web.MAX_REPLICAS;
    /** The placeholder for the generated Redis password. */
    public static final String REDIS_PASSWORD = "${secret:redis.password}";
    /**
     * redis-cli with the password from the file a cache node was given ({@link SecretFiles}), for a command run inside
     * one with {@code bash -c}.
     */
    public static final String REDIS_CLI = "REDISCLI_AUTH=\"$(cat \"$REDISCLI_AUTH_FILE\")\" redis-cli";
    /** The database account that may read replication status and nothing else (monitoring, the failover agent). */
    public static final String DB_MONITOR_USER = DatabaseTier.MONITOR_USER;
    /** The placeholder for its generated password. */
    public static final String DB_MONITOR_PASSWORD = DatabaseTier.MONITOR_PASSWORD;

    private Planner() {
    }

    /** Tiers present in the topology that this version cannot provision yet. */
    public static List<String> unsupported(Topology t) {
        var out = new ArrayList<String>();
        if (t.images() == ImageProfile.OFFLINE && (t.database().isPresent() || t.shards().isPresent())
                && DatabaseTier.dialect(t) == dev.scaler.sql.Dialect.MYSQL) {
            out.add("database.kind: mysql with images: offline (MySQL cannot be built without a registry; use kind: mariadb)");
        }
        if (t.queue().isPresent() && t.datacenters().size() > 1) {
            out.add("queue: with more than one datacenter");
        }
        if (t.web().sessions() == dev.scaler.topology.SessionStore.DATABASE) {
            out.add("web.sessions: database");
        }
        return out;
    }

    /** The plan for a topology whose image profile is resolved (upstream or offline, never auto); its passwords reach the containers as files ({@link SecretFiles}). */
    public static Plan plan(Topology t) {
        if (t.images() == ImageProfile.AUTO) {
            throw new IllegalArgumentException("resolve images: auto to a profile before planning (AutoProfile)");
        }
        return SecretFiles.apply(t.datacenters().size() > 1 ? Datacenters.plan(t) : oneDatacenter(t));
    }

    private static Plan oneDatacenter(Topology t) {
        String project = t.name();
        String network = project + "-net";
        var volumes = new ArrayList<VolumeSpec>();
        var containers = new ArrayList<ContainerSpec>();
        var webEnv = new LinkedHashMap<String, String>();
        List<ProxyRoute> webProxies = t.proxies() ? ProxyTier.routes(t) : List.of();
        List<ProxyRoute> workerProxies = t.proxies() ? ProxyTier.workerRoutes(t) : List.of();
        Via via = t.proxies() ? Via.proxies(ProxyTier.container(t), webProxies) : Via.direct();
        Via workerVia = t.proxies() ? Via.proxies(ProxyTier.container(t), workerProxies) : Via.direct();
        var proxies = new ArrayList<>(webProxies);
        proxies.addAll(workerProxies);
        t.cache().map(c -> CacheTier.plan(t, c, network, via)).ifPresent(tier -> {
            containers.addAll(tier.containers());
            volumes.addAll(tier.volumes());
            webEnv.putAll(tier.webEnv());
        });
        t.cdn().map(c -> CdnTier.plan(t, c, network)).ifPresent(tier -> {
            containers.addAll(tier.containers());
            volumes.addAll(tier.volumes());
            webEnv.putAll(tier.webEnv());
        });
        var data = DatabaseTier.plan(t, network, via);
        containers.addAll(data.containers());
        volumes.addAll(data.volumes());
        webEnv.putAll(data.webEnv());
        t.queue().map(q -> QueueTier.plan(t, q, network, via)).ifPresent(tier -> {
            containers.addAll(tier.containers());
            volumes.addAll(tier.volumes());
            webEnv.putAll(tier.webEnv());
        });
        // Web replicas start after the proxy container (every address they are given leads through it) and after
        // every queue node (see QueueTier).
        var webDependsOn = new ArrayList<String>();
        if (t.proxies()) {
            webDependsOn.add(ProxyTier.container(t));
            containers.add(ProxyTier.spec(t, proxies, network));
        }
        webDependsOn.addAll(QueueTier.nodes(t));
        for (int i = 1; i <= t.web().replicas(); i++) {
            containers.add(web(t, i, network, webEnv, webDependsOn));
        }
        t.queue().ifPresent(q -> t.workers().ifPresent(w -> containers.addAll(
                WorkersTier.plan(t, q, w, network, webEnv, workerVia, webDependsOn))));
        for (int i = 1; i <= t.loadBalancer().replicas(); i++) {
            containers.add(loadBalancer(t, i, network));
        }
        var networks = List.of(new NetworkSpec(network, Labels.project(project)));
        return new Plan(project, t.images().yaml(), networks, volumes, containers, proxies);
    }

    static ContainerSpec web(Topology t, int index, String network, Map<String, String> tierEnv,
            List<String> dependsOn) {
        String name = webName(t, index);
        var env = new LinkedHashMap<String, String>(t.web().env());
        env.put("SCALER_PORT", Integer.toString(WEB_PORT));
        env.put("SCALER_INSTANCE", name);
        env.put("SCALER_DATACENTER", t.datacenters().isEmpty() ? "dc1" : t.datacenters().get(0).name());
        env.putAll(tierEnv);
        boolean bundled = t.web().bundled();
        String image = bundled ? Images.webapp(t.images()) : t.web().image();
        // A user's own image may lack bash; it is ready once it runs, and the load balancer's check decides the rest.
        Optional<HealthCheck> check = bundled
                ? Optional.of(HealthCheck.http(WEB_PORT, t.loadBalancer().healthCheck().path()))
                : Optional.empty();
        return new ContainerSpec(name, Tier.WEB, index, image, List.of(), env, List.of(),
                Labels.container(t.name(), Tier.WEB, index, "replica"), check,
                // No start dependency on the cache: the app connects lazily and answers 503 until Redis is up.
                dependsOn, List.of(), List.of(), network,
                List.of(WEB_ALIAS));
    }

    /** The container name of web replica {@code index}. */
    static String webName(Topology t, int index) {
        return t.name() + "-web-" + index;
    }

    static ContainerSpec loadBalancer(Topology t, int index, String network) {
        var lb = t.loadBalancer();
        String name = t.name() + "-lb-" + index;
        String config = HaproxyConfig.render(lb, WEB_ALIAS, WEB_PORT, MAX_WEB_REPLICAS);
        var port = new PortBinding(lb.bind(), lb.port() + index - 1, HaproxyConfig.PORT);
        // Healthy means it serves: the check goes through HAProxy's own frontend to a web replica.
        var check = HealthCheck.http(HaproxyConfig.PORT, lb.healthCheck().path());
        // Started once the replicas serve (and so after what they wait for, such as the queue nodes): its check
        // depends on them, and a replica slower than the check's start period (a JVM on a busy machine, a RabbitMQ
        // cluster forming) would otherwise mark a sound load balancer unhealthy and fail `up`. Replicas added later
        // need no restart: HAProxy finds them through DNS.
        var replicas = java.util.stream.IntStream.rangeClosed(1, t.web().replicas()).mapToObj(i -> webName(t, i))
                .toList();
        return new ContainerSpec(name, Tier.LB, index, Images.haproxy(t.images()),
                List.of("haproxy", "-W", "-db", "-f", HaproxyConfig.PATH), Map.of(), List.of(port),
                Labels.container(t.name(), Tier.LB, index, "lb"), Optional.of(check), replicas, List.of(),
                List.of(new ContainerFile(HaproxyConfig.PATH, config, 0644)), network, List.of());
    }

    /** The profile a plan was made for. */
    public static ImageProfile profile(Plan plan) {
        return ImageProfile.valueOf(plan.imageProfile().toUpperCase(java.util.Locale.ROOT));
    }
}
