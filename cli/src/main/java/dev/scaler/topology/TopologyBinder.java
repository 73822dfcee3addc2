package dev.scaler.topology;

import dev.scaler.yaml.MapNode;
import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.Range;
import dev.scaler.yaml.ScalarNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a located YAML tree to a {@link Topology}: defaults, limits and the rules that span fields. Every
 * problem goes to {@link Problems}; the defaults and limits here are the ones documented in docs/topology.md.
 */
final class TopologyBinder {

    static final Pattern PROJECT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    static final Pattern DATACENTER_NAME = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    static final Pattern HEALTH_PATH = Pattern.compile("/[A-Za-z0-9._~%/?=&+-]*");
    static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    static final Pattern IMAGE = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?/)?"
            + COMPONENT + "(?:/" + COMPONENT + ")*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    static final List<String> EVICTION_POLICIES = List.of("noeviction", "allkeys-lru", "allkeys-lfu",
            "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    static final int MAX_REPLICAS = 9;
    static final long MIN_MEMORY = 1L << 20;
    static final long MAX_MEMORY = 16L << 30;

    private final String source;
    private final Problems problems;

    TopologyBinder(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The topology; empty (with a problem recorded) when the file holds no usable mapping. */
    Optional<Topology> bind(Node root) {
        if (root instanceof ScalarNode scalar && scalar.isNull()) {
            problems.add(root, "the file is empty; the smallest valid topology is `name: demo`");
            return Optional.empty();
        }
        if (!(root instanceof MapNode map)) {
            problems.add(root, "the top level must be a mapping of fields (the smallest valid topology is"
                    + " `name: demo`), got " + root.describe());
            return Optional.empty();
        }
        return bind(new MapReader(map, "", problems));
    }

    /** The topology read from the top-level mapping (a describing reader writes the schema). */
    Optional<Topology> bind(MapReader top) {
        int version = top.integer("version", 1, "1 (the only topology version this scaler reads)",
                List.of(Range.only(1)));
        if (top.failed("version")) {
            return Optional.empty(); // the rest follows a format this scaler does not know: judging it is noise
        }
        top.require("name", "missing required field 'name' (the project name, for example `name: demo`)");
        String name = top.string("name", "", PROJECT_NAME,
                "a project name: a lowercase letter, then up to 30 lowercase letters, digits or '-'");
        ImageProfile images = top.oneOf("images", ImageProfile.AUTO, ImageProfile::yaml);
        MapReader lbReader = section(top, "loadBalancer");
        LoadBalancer loadBalancer = loadBalancer(lbReader);

        MapReader webReader = section(top, "web");
        Web web = web(webReader);
        Optional<Database> database = top.section("database").map(this::database);
        Optional<Cache> cache = top.section("cache").map(this::cache);
        if (cache.isEmpty() && web.sessions() == SessionStore.REDIS) {
            cache = Optional.of(Cache.defaults());
        }
        if (web.sessions() == SessionStore.DATABASE && database.isEmpty()) {
            webReader.problem("sessions", "sessions in the database need a `database:` section; add one, or"
                    + " keep sessions in redis");
        }
        Optional<Shards> shards = top.section("shards").map(this::shards);
        Optional<Cdn> cdn = top.section("cdn").map(this::cdn);
        int cdnPort = loadBalancer.port() + Cdn.PORT_OFFSET;
        if (cdn.isPresent() && cdnPort > 65535 && !lbReader.failed("port")) {
            lbReader.problem("port", "with a cdn, the assets are published on port + "
                    + Cdn.PORT_OFFSET + ", so the port must be at most "
                    + (65535 - Cdn.PORT_OFFSET));
        }
        boolean proxies = top.bool("proxies", false);
        List<Datacenter> datacenters = datacenters(top);
        if (datacenters.size() > 1 && loadBalancer.port() + datacenters.size() - 1 > 65535
                && !lbReader.failed("port")) {
            lbReader.problem("port", "with " + datacenters.size() + " datacenters the global load balancer publishes"
                    + " port to port + " + (datacenters.size() - 1) + ", so the port must be at most "
                    + (65536 - datacenters.size()));
        }
        top.rejectUnknown();
        return Optional.of(new Topology(version, name, images, loadBalancer, web, cache, database, shards, cdn,
                proxies, datacenters, source));
    }

    /** The section's reader, or an empty one (every field defaulted) when the section is absent. */
    private MapReader section(MapReader parent, String key) {
        return parent.section(key).orElseGet(() -> MapReader.of(
                new ScalarNode("", true, parent.location()), parent.field(key), problems));
    }

    private LoadBalancer loadBalancer(MapReader r) {
        String kind = r.oneOf("kind", "haproxy", List.of("haproxy"));
        int port = r.integer("port", 8080, 1024, 65535);
        String bind = r.string("bind", "127.0.0.1", IPV4,
                "an IPv4 address such as 127.0.0.1 (0.0.0.0 publishes on every interface)");
        Algorithm algorithm = r.oneOf("algorithm", Algorithm.ROUNDROBIN, Algorithm::yaml);
        HealthCheck healthCheck = healthCheck(section(r, "healthCheck"));
        int replicas = r.integer("replicas", 1, 1, 2);
        if (replicas == 2 && port == 65535 && !r.failed("port")) {
            r.problem("port", "with 2 load balancers the second publishes port + 1, so the port must be at most"
                    + " 65534");
        }
        r.rejectUnknown();
        return new LoadBalancer(kind, port, bind, algorithm, healthCheck, replicas);
    }

    private HealthCheck healthCheck(MapReader r) {
        String path = r.string("path", "/readyz", HEALTH_PATH,
                "a URL path starting with '/' (letters, digits and . _ ~ % / ? = & + -)");
        Duration interval = r.duration("interval", Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(60));
        int fall = r.integer("fall", 2, 1, 10);
        int rise = r.integer("rise", 1, 1, 10);
        r.rejectUnknown();
        return new HealthCheck(path, interval, fall, rise);
    }

    private Web web(MapReader r) {
        String image = r.string("image", Web.BUNDLED_IMAGE, IMAGE,
                "an image reference such as scaler/webapp or registry.example.com/shop/web:1.2");
        int replicas = r.integer("replicas", 2, 1, Web.MAX_REPLICAS);
        SessionStore sessions = r.oneOf("sessions", SessionStore.REDIS, SessionStore::yaml);
        Map<String, String> env = r.stringMap("env", TopologyBinder::envNameProblem,
                TopologyBinder::envValueProblem);
        Optional<Autoscale> autoscale = r.section("autoscale").flatMap(a -> autoscale(a, Web.MAX_REPLICAS));
        autoscale.filter(a -> !r.failed("replicas") && (replicas < a.min() || replicas > a.max()))
                .ifPresent(a -> r.problem("replicas", "the replicas to start with must be within autoscale.min ("
                        + a.min() + ") and autoscale.max (" + a.max() + "), got " + replicas));
        r.rejectUnknown();
        return new Web(image, replicas, sessions, env, autoscale);
    }

    /**
     * An {@code autoscale:} section of a tier of at most {@code most} replicas; empty when it is wrong (the problems
     * are recorded), so nothing is judged against a stand-in.
     */
    private Optional<Autoscale> autoscale(MapReader r, int most) {
        int min = r.integer("min", 1, 1, most);
        r.require("max", r.path() + ": missing required field 'max' (the most replicas it may scale to, for example"
                + " `max: 8`)");
        int max = r.integer("max", most, 1, most);
        if (!r.failed("min") && !r.failed("max") && max < min) {
            r.problem("max", "must be at least min (" + min + "), got " + max);
        }
        r.require("target", r.path() + ": missing required field 'target' (one vital sign and its value per"
                + " replica: `target: { requestsPerReplica: 100/s }` or `target: { p99: 250ms }`)");
        Optional<Autoscale.Target> target = r.section("target").flatMap(this::autoscaleTarget);
        Autoscale.Behavior up = r.section("scaleUp").map(b -> behavior(b, Autoscale.DEFAULT_UP, most))
                .orElse(Autoscale.DEFAULT_UP);
        Autoscale.Behavior down = r.section("scaleDown").map(b -> behavior(b, Autoscale.DEFAULT_DOWN, most))
                .orElse(Autoscale.DEFAULT_DOWN);
        r.rejectUnknown();
        boolean wrong = List.of("min", "max", "target", "scaleUp", "scaleDown").stream().anyMatch(r::failed);
        return wrong || target.isEmpty() ? Optional.empty()
                : Optional.of(new Autoscale(min, max, target.get(), up, down));
    }

    private static final Pattern PER_SECOND = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,3})?)\\s*(?:/s)?");

    /** Exactly one of the metrics, with its value: a rate per replica, or a latency. */
    private Optional<Autoscale.Target> autoscaleTarget(MapReader r) {
        var written = java.util.Arrays.stream(Autoscale.Metric.values()).filter(m -> r.has(m.yaml())).toList();
        Optional<Autoscale.Target> target = Optional.empty();
        Optional<String> rate = r.string(Autoscale.Metric.REQUESTS_PER_REPLICA.yaml(), PER_SECOND,
                "requests per second above 0 each replica should answer, like 100/s");
        Duration p99 = r.duration(Autoscale.Metric.P99.yaml(), Duration.ofMillis(250), Duration.ofMillis(1),
                Duration.ofMinutes(1));
        r.rejectUnknown();
        if (written.size() != 1) {
            problems.add(r.location(), r.path() + ": expected exactly one of requestsPerReplica or p99, got "
                    + (written.isEmpty() ? "none" : "both"));
            return Optional.empty();
        }
        if (written.get(0) == Autoscale.Metric.P99 && !r.failed("p99")) {
            target = Optional.of(new Autoscale.Target(Autoscale.Metric.P99, p99.toNanos() / 1e6));
        }
        if (rate.isPresent()) {
            double perSecond = Double.parseDouble(PER_SECOND.matcher(rate.get()).replaceFirst("$1"));
            if (perSecond > 0) {
                target = Optional.of(new Autoscale.Target(Autoscale.Metric.REQUESTS_PER_REPLICA, perSecond));
            } else {
                r.problem("requestsPerReplica", "expected requests per second above 0, got '" + rate.get() + "'");
            }
        }
        return target;
    }

    private static Autoscale.Behavior behavior(MapReader r, Autoscale.Behavior defaults, int most) {
        Duration window = r.duration("window", defaults.window(), Duration.ZERO, Duration.ofHours(1));
        int step = r.integer("step", defaults.step(), 1, most);
        r.rejectUnknown();
        return new Autoscale.Behavior(window, step);
    }

    private static Optional<String> envNameProblem(String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            return Optional.of("expected a variable name of uppercase letters, digits and '_' (not starting"
                    + " with a digit), got '" + name + "'");
        }
        if (name.startsWith("SCALER_")) {
            return Optional.of("'" + name + "' is reserved: scaler sets the SCALER_* variables itself");
        }
        return Optional.empty();
    }

    // `up` fills ${secret:KEY} in what it copies into containers; a value of web.env must not ask it for the
    // database root password or any other internal secret.
    private static Optional<String> envValueProblem(String value) {
        if (value.contains("${secret:")) {
            return Optional.of("'${secret:' is reserved: scaler fills it with its own passwords, which web.env may"
                    + " not pass on; the web replicas get the passwords they need as SCALER_*_PASSWORD_FILE");
        }
        return Optional.empty();
    }

    private Cache cache(MapReader r) {
        Cache defaults = Cache.defaults();
        String kind = r.oneOf("kind", defaults.kind(), List.of("redis"));
        int replicas = r.integer("replicas", defaults.replicas(), 0, MAX_REPLICAS);
        int sentinels = r.integer("sentinels", defaults.sentinels(),
                "0 (no Sentinel) or a whole number from 3 to 9 (a Sentinel quorum needs at least 3)",
                List.of(Range.only(0), new Range(3, 9)));
        String maxMemory = r.size("maxMemory", defaults.maxMemory(), MIN_MEMORY, MAX_MEMORY);
        String evictionPolicy = r.oneOf("evictionPolicy", defaults.evictionPolicy(), EVICTION_POLICIES);
        if (sentinels > 0 && replicas == 0 && !r.failed("replicas")) {
            r.problem("sentinels", "Sentinel needs a replica to promote; set cache.replicas to 1 or more, or"
                    + " sentinels to 0");
        }
        r.rejectUnknown();
        return new Cache(kind, replicas, sentinels, maxMemory, evictionPolicy);
    }

    private Database database(MapReader r) {
        DatabaseKind kind = r.oneOf("kind", DatabaseKind.MARIADB, DatabaseKind::yaml);
        int replicas = r.integer("replicas", 2, 0, MAX_REPLICAS);
        Replication replication = r.oneOf("replication", Replication.ASYNC, Replication::yaml);
        FailoverMode failover = r.oneOf("failover", FailoverMode.AUTO, FailoverMode::yaml);
        // Refinement: with no replicas, reads can only go to the primary, so that is the default then.
        ReadsFrom readsFrom = r.oneOf("readsFrom", replicas == 0 ? ReadsFrom.PRIMARY : ReadsFrom.REPLICAS,
                ReadsFrom::yaml);
        if (replicas == 0 && !r.failed("replicas")) {
            if (failover == FailoverMode.AUTO) {
                r.problem("replicas", "failover: auto needs at least one replica to promote; add a replica or set"
                        + " failover: manual");
            }
            if (replication == Replication.SEMI_SYNC) {
                r.problem("replication", "semi-sync needs at least one replica to acknowledge writes; add a replica"
                        + " or use async");
            }
            if (readsFrom == ReadsFrom.REPLICAS) {
                r.problem("readsFrom", "there are no replicas to read from; add a replica or read from primary");
            }
        }
        r.rejectUnknown();
        return new Database(kind, replicas, replication, failover, readsFrom);
    }

    private Shards shards(MapReader r) {
        int count = r.integer("count", 2, 1, 16);
        int replicas = r.integer("replicas", 1, 0, MAX_REPLICAS);
        String key = r.string("key", "user_id", COLUMN,
                "a column name (lowercase letters, digits and '_', not starting with a digit, at most 64)");
        ShardStrategy strategy = r.oneOf("strategy", ShardStrategy.HASH, ShardStrategy::yaml);
        r.rejectUnknown();
        return new Shards(count, replicas, key, strategy);
    }

    private Cdn cdn(MapReader r) {
        String kind = r.oneOf("kind", "minio", List.of("minio"));
        String bucket = r.string("bucket", "assets", BUCKET, "a bucket name: 3 to 63 lowercase letters, digits,"
                + " '.' or '-', starting and ending with a letter or digit");
        bucketProblem(bucket).ifPresent(problem -> r.problem("bucket", problem));
        // Whether the directory exists is the file system's to say: files.InputFile checks it.
        Optional<Cdn.Assets> assets = r.scalar("assets", "a directory path")
                .map(node -> new Cdn.Assets(node.text(), node.location()));
        Edge edge = edge(section(r, "edge"));
        r.rejectUnknown();
        return new Cdn(kind, bucket, assets, edge);
    }

    /** The S3 naming rules that a pattern does not express well. */
    static Optional<String> bucketProblem(String bucket) {
        if (bucket.contains("..")) {
            return Optional.of("a bucket name cannot contain two '.' in a row");
        }
        if (IPV4.matcher(bucket).matches()) {
            return Optional.of("a bucket name cannot look like an IP address");
        }
        for (String prefix : List.of("xn--", "sthree-", "amzn-s3-demo-")) {
            if (bucket.startsWith(prefix)) {
                return Optional.of("a bucket name cannot start with '" + prefix + "' (reserved by S3)");
            }
        }
        for (String suffix : List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3")) {
            if (bucket.endsWith(suffix)) {
                return Optional.of("a bucket name cannot end with '" + suffix + "' (reserved by S3)");
            }
        }
        return Optional.empty();
    }

    private Edge edge(MapReader r) {
        boolean cache = r.bool("cache", true);
        Duration ttl = r.duration("ttl", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(24));
        r.rejectUnknown();
        return new Edge(cache, ttl);
    }

    private List<Datacenter> datacenters(MapReader top) {
        Optional<List<MapReader>> items = top.listOfMaps("datacenters", 1, 9);
        if (items.isEmpty()) {
            return List.of(new Datacenter("dc1", Duration.ZERO));
        }
        List<Datacenter> result = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (MapReader r : items.get()) {
            r.require("name", r.path() + ": missing required field 'name' (for example `- name: us-east`)");
            Optional<String> name = r.string("name", DATACENTER_NAME,
                    "a datacenter name: a lowercase letter, then up to 15 lowercase letters, digits or '-'");
            Duration latency = r.duration("latency", Duration.ofMillis(30), Duration.ZERO, Duration.ofSeconds(5));
            r.rejectUnknown();
            if (name.isPresent()) {
                String first = seen.putIfAbsent(name.get(), r.path() + " (line " + r.where("name").orElseThrow().line()
                        + ")");
                if (first != null) {
                    r.problem("name", "'" + name.get() + "' is already the name of " + first
                            + "; datacenter names must be unique");
                }
                result.add(new Datacenter(name.get(), latency));
            }
        }
        return result;
    }

}
