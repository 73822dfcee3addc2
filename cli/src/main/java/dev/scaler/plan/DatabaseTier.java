package dev.scaler.plan;

import dev.scaler.sql.Dialect;
import dev.scaler.sql.ServerConfig;
import dev.scaler.sql.ServerImage;
import dev.scaler.topology.DatabaseKind;
import dev.scaler.topology.Replication;
import dev.scaler.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data tier: the database and each shard as a replicated group (a primary and its replicas),
 * one router that gives every group a stable primary address, and the failover agent. Replication
 * itself is set up after the nodes start (provision), because it needs running servers.
 */
final class DatabaseTier {
    /** The schema the web app uses; created by the image from MYSQL_DATABASE. */
    static final String SCHEMA = "scaler";
    static final String APP_USER = "scaler";
    static final String REPLICATION_USER = "repl";
    static final String MONITOR_USER = "monitor";
    static final String ROOT_PASSWORD = "${secret:db.root}";
    static final String APP_PASSWORD = "${secret:db.password}";
    static final String REPLICATION_PASSWORD = "${secret:db.replication}";
    static final String MONITOR_PASSWORD = "${secret:db.monitor}";
    static final String INIT_FILE = ServerImage.INIT_DIR + "/10-scaler-users.sql";
    /** Semi-synchronous replication waits this long for a replica before it falls back to asynchronous. */
    static final Duration SEMI_SYNC_TIMEOUT = Duration.ofSeconds(1);
    /** The router's port for the database; shard n listens on SHARD_BASE_PORT + n. */
    static final int DATABASE_ROUTE_PORT = 3306;
    static final int SHARD_BASE_PORT = 3310;

    private DatabaseTier() {
    }

    /** The SQL dialect of a topology's data tier. */
    static Dialect dialect(Topology t) {
        return dev.scaler.topology.Shards.kind(t.database()) == DatabaseKind.MARIADB ? Dialect.MARIADB
                : Dialect.MYSQL;
    }

    /** Every replicated group of the topology, database first, then shards in order. */
    static List<DataGroup> groups(Topology t) {
        var groups = new ArrayList<DataGroup>();
        t.database().ifPresent(d -> groups.add(new DataGroup("db", Tier.DATABASE, Optional.empty(),
                nodes(t.name() + "-db-", 1 + d.replicas()), DATABASE_ROUTE_PORT,
                d.failover() == dev.scaler.topology.FailoverMode.AUTO, d.replication() == Replication.SEMI_SYNC)));
        t.shards().ifPresent(s -> {
            boolean auto = t.database().map(d -> d.failover() == dev.scaler.topology.FailoverMode.AUTO).orElse(true);
            boolean semi = t.database().map(d -> d.replication() == Replication.SEMI_SYNC).orElse(false);
            for (int i = 1; i <= s.count(); i++) {
                groups.add(new DataGroup("shard-" + i, Tier.SHARD, Optional.of(i),
                        nodes(t.name() + "-shard-" + i + "-", 1 + s.replicas()), SHARD_BASE_PORT + i, auto, semi));
            }
        });
        return groups;
    }

    /** The router's container name: every group's stable primary address. */
    static String router(Topology t) {
        return t.name() + "-db-router";
    }

    private static List<String> nodes(String prefix, int count) {
        var names = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** The data tier's containers and what web replicas must be told, with addresses dialled {@code via}. */
    static TierPlan plan(Topology t, String network, Via via) {
        var groups = groups(t);
        if (groups.isEmpty()) {
            return new TierPlan(List.of(), List.of(), Map.of());
        }
        Dialect dialect = dialect(t);
        var containers = new ArrayList<ContainerSpec>();
        var volumes = new ArrayList<VolumeSpec>();
        long serverId = 1;
        for (DataGroup g : groups) {
            for (int i = 0; i < g.nodes().size(); i++) {
                String name = g.nodes().get(i);
                String volume = name + "-data";
                volumes.add(new VolumeSpec(volume, Labels.project(t.name())));
                containers.add(node(t, dialect, g, i + 1, serverId++, network, volume));
            }
        }
        String router = router(t);
        containers.add(router(t, router, groups, network));
        containers.add(agent(t, router, groups, network));
        return new TierPlan(containers, volumes, webEnv(t, dialect, router, groups, via));
    }

    private static ContainerSpec node(Topology t, Dialect dialect, DataGroup g, int index, long serverId,
            String network, String volume) {
        boolean primary = index == 1;
        var config = (primary ? ServerConfig.primary(serverId) : ServerConfig.replica(serverId))
                .withReportHost(g.nodes().get(index - 1));
        if (g.semiSync()) {
            config = config.withSemiSync(SEMI_SYNC_TIMEOUT);
        }
        var init = new StringBuilder(ServerImage.INIT_PRELUDE).append('\n');
        // Every node gets the accounts, outside the binary log, so any node can become primary.
        dialect.createReplicationUser(REPLICATION_USER, REPLICATION_PASSWORD).forEach(s -> init.append(s).append(";\n"));
        dialect.createMonitorUser(MONITOR_USER, MONITOR_PASSWORD).forEach(s -> init.append(s).append(";\n"));
        var labels = Labels.container(t.name(), g.tier(), index, primary ? "primary" : "replica");
        g.shard().ifPresent(s -> labels.put(Labels.SHARD, Integer.toString(s)));
        return new ContainerSpec(g.nodes().get(index - 1), g.tier(), index, Images.database(t.images(), dialect),
                List.of(), ServerImage.environment(ROOT_PASSWORD, SCHEMA, APP_USER, APP_PASSWORD), List.of(), labels,
                Optional.of(new HealthCheck(prefixed(ServerImage.HEALTH_CHECK), HealthCheck.INTERVAL,
                        Duration.ofSeconds(3), 5, Duration.ofSeconds(120))),
                List.of(), List.of(new Mount(volume, ServerImage.DATA_DIR)),
                List.of(new ContainerFile(ServerImage.CONFIG_FILE, dialect.serverConfig(config), 0644),
                        new ContainerFile(INIT_FILE, init.toString(), 0644)),
                network, List.of());
    }

    private static List<String> prefixed(List<String> command) {
        var test = new ArrayList<String>();
        test.add("CMD");
        test.addAll(command);
        return test;
    }

    private static ContainerSpec router(Topology t, String name, List<DataGroup> groups, String network) {
        var routes = groups.stream().map(g -> new DbRouterConfig.Route(g.name(), g.routePort(), g.nodes().get(0),
                ServerImage.PORT)).toList();
        // Healthy once it accepts connections on the database route.
        var check = HealthCheck.command("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + DbRouterConfig.ADMIN_PORT);
        return new ContainerSpec(name, Tier.DATABASE, 0, Images.haproxy(t.images()),
                List.of("haproxy", "-W", "-db", "-f", HaproxyConfig.PATH), Map.of(), List.of(),
                Labels.container(t.name(), Tier.DATABASE, 0, "router"), Optional.of(check), List.of(), List.of(),
                List.of(new ContainerFile(HaproxyConfig.PATH, DbRouterConfig.render(routes), 0644)), network,
                List.of());
    }

    private static ContainerSpec agent(Topology t, String router, List<DataGroup> groups, String network) {
        String name = t.name() + "-agent";
        var config = AgentConfig.render(t, dialect(t), router, groups);
        return new ContainerSpec(name, Tier.AGENT, 1, Images.agent(t.images()),
                List.of("java", "-XX:+UseSerialGC", "-Xmx64m", "-jar", Images.AGENT_JAR, "agent", "--config",
                        AgentConfig.PATH),
                Map.of(), List.of(), Labels.container(t.name(), Tier.AGENT, 1, "failover"),
                // Ready once every group has a writable primary and every replica replicates from it.
                Optional.of(HealthCheck.command("test", "-f", "/tmp/scaler-agent.ready")),
                // The agent starts after the nodes it watches, so its first look finds them.
                groups.stream().flatMap(g -> g.nodes().stream()).toList(), List.of(),
                // Readable by the agent's unprivileged user; only the agent runs in that container.
                List.of(new ContainerFile(AgentConfig.PATH, config, 0644)), network, List.of());
    }

    private static Map<String, String> webEnv(Topology t, Dialect dialect, String router, List<DataGroup> groups,
            Via via) {
        var env = new LinkedHashMap<String, String>();
        String scheme = "jdbc:" + dialect.name() + "://";
        var shards = groups.stream().filter(g -> g.tier() == Tier.SHARD).toList();
        groups.stream().filter(g -> g.tier() == Tier.DATABASE).findFirst().ifPresent(db -> {
            env.put("SCALER_DB_PRIMARY_URL", scheme + via.address(router, db.routePort()) + "/" + SCHEMA);
            env.put("SCALER_DB_REPLICA_URLS", urls(scheme, db.nodes().subList(1, db.nodes().size()), via));
            env.put("SCALER_DB_READS_FROM", t.database().orElseThrow().readsFrom().yaml());
        });
        env.put("SCALER_DB_USER", APP_USER);
        env.put("SCALER_DB_PASSWORD", APP_PASSWORD);
        if (!shards.isEmpty()) {
            env.put("SCALER_SHARD_URLS", String.join(",", shards.stream()
                    .map(g -> scheme + via.address(router, g.routePort()) + "/" + SCHEMA).toList()));
            env.put("SCALER_SHARD_STRATEGY", t.shards().orElseThrow().strategy().yaml());
            for (int i = 0; i < shards.size(); i++) {
                var nodes = shards.get(i).nodes();
                if (nodes.size() > 1) {
                    env.put("SCALER_SHARD_" + i + "_REPLICA_URLS", urls(scheme, nodes.subList(1, nodes.size()), via));
                }
            }
        }
        return env;
    }

    static String urls(String scheme, List<String> nodes, Via via) {
        return String.join(",", nodes.stream().map(n -> scheme + via.address(n, ServerImage.PORT) + "/" + SCHEMA)
                .toList());
    }
}
