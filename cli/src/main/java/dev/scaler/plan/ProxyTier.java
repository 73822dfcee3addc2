package dev.scaler.plan;

import dev.scaler.sql.ServerImage;
import dev.scaler.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code proxies: true}: one Toxiproxy container with a proxy in front of every data path of the web
 * tier (each Redis node, each database group's primary route and each of its nodes), so network
 * faults can be injected between the web tier and any data node. Replication links, the failover
 * agent and the load balancer's path to the web replicas stay direct.
 */
final class ProxyTier {
    /** Toxiproxy's HTTP API inside the container; published on an ephemeral port of 127.0.0.1. */
    static final int API_PORT = 8474;
    static final String CONFIG = "/etc/toxiproxy/proxies.json";
    /**
     * Listen ports: 20000 + 100 * block + offset, block 0 for the cache, 1 for the database and
     * 1 + n for shard n; offset 0 for a group's primary route, i for node i. So a port reads as
     * what it leads to, and adding nodes or shards moves no other proxy. The queue's nodes are blocks 50 (from the web
     * tier) and 51 (from the workers).
     */
    static final int FIRST_PORT = 20000;
    private static final int QUEUE_BLOCK = 50;
    private static final int WORKER_QUEUE_BLOCK = 51;

    private ProxyTier() {
    }

    /** The proxy container's name. */
    static String container(Topology t) {
        return t.name() + "-proxy";
    }

    /**
     * Every proxy of the web tier's paths: cache first, then each database group's primary route and nodes, then the
     * queue's nodes.
     */
    static List<ProxyRoute> routes(Topology t) {
        var routes = new ArrayList<ProxyRoute>();
        t.cache().ifPresent(c -> {
            for (int i = 1; i <= 1 + c.replicas(); i++) {
                routes.add(new ProxyRoute(ProxyNames.node(Tier.CACHE, Optional.empty(), i).orElseThrow(),
                        port(0, i), t.name() + "-cache-" + i, CacheTier.PORT));
            }
        });
        String router = DatabaseTier.router(t);
        for (DataGroup g : DatabaseTier.groups(t)) {
            int block = 1 + g.shard().orElse(0);
            routes.add(new ProxyRoute(ProxyNames.primaryRoute(g.shard()), port(block, 0), router, g.routePort()));
            for (int i = 1; i <= g.nodes().size(); i++) {
                routes.add(new ProxyRoute(ProxyNames.node(g.tier(), g.shard(), i).orElseThrow(), port(block, i),
                        g.nodes().get(i - 1), ServerImage.PORT));
            }
        }
        t.queue().ifPresent(q -> {
            for (int i = 1; i <= q.nodes(); i++) {
                routes.add(new ProxyRoute(ProxyNames.queue(i), port(QUEUE_BLOCK, i), QueueTier.node(t.name(), i),
                        QueueTier.PORT));
            }
        });
        return routes;
    }

    /** The workers' own proxies to each queue node, so a fault between workers and the queue spares the web tier. */
    static List<ProxyRoute> workerRoutes(Topology t) {
        var routes = new ArrayList<ProxyRoute>();
        t.queue().filter(q -> t.workers().isPresent()).ifPresent(q -> {
            for (int i = 1; i <= q.nodes(); i++) {
                routes.add(new ProxyRoute(ProxyNames.workerQueue(i), port(WORKER_QUEUE_BLOCK, i),
                        QueueTier.node(t.name(), i), QueueTier.PORT));
            }
        });
        return routes;
    }

    private static int port(int block, int offset) {
        return FIRST_PORT + 100 * block + offset;
    }

    /** The Toxiproxy container: the proxies come from a config file the server reads at start. */
    static ContainerSpec spec(Topology t, List<ProxyRoute> routes, String network) {
        // The command is the server's arguments only: both images have /toxiproxy as their entry point.
        var command = List.of("-host=0.0.0.0", "-port=" + API_PORT, "-config=" + CONFIG);
        // The CLI exits 1 when the API does not answer; it needs no shell (the official image has none).
        var check = HealthCheck.command("/toxiproxy-cli", "-h", "http://127.0.0.1:" + API_PORT, "list");
        return new ContainerSpec(container(t), Tier.PROXY, 1, Images.toxiproxy(t.images()), command, Map.of(),
                // Chaos and `status` reach the API from this machine; 0 lets Docker pick a free port, read back later.
                List.of(new PortBinding("127.0.0.1", 0, API_PORT)),
                Labels.container(t.name(), Tier.PROXY, 1, "toxiproxy"), Optional.of(check),
                // No start dependency: Toxiproxy resolves and dials an upstream per client connection.
                List.of(), List.of(), List.of(new ContainerFile(CONFIG, config(routes), 0644)), network, List.of());
    }

    /** Toxiproxy's config file: the JSON array that its {@code -config} flag and {@code POST /populate} take. */
    static String config(List<ProxyRoute> routes) {
        var json = new StringBuilder("[\n");
        for (int i = 0; i < routes.size(); i++) {
            ProxyRoute r = routes.get(i);
            // Names and addresses are made of [a-z0-9.:-] (project names are), so nothing needs escaping.
            json.append("  {\"name\": \"").append(r.name()).append("\", \"listen\": \"").append(r.listen())
                    .append("\", \"upstream\": \"").append(r.upstream()).append("\", \"enabled\": true}")
                    .append(i + 1 < routes.size() ? ",\n" : "\n");
        }
        return json.append("]\n").toString();
    }
}
