package dev.scaler.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scaler.sql.Dialect;
import dev.scaler.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the failover agent is told: the groups it watches, how to reach the nodes and the router,
 * and the credentials it acts with (as secret placeholders until the file is copied in).
 */
public record AgentConfig(int schemaVersion, String project, String dialect, String routerHost, int routerAdminPort,
        String user, String password, String replicationUser, String replicationPassword, List<Group> groups) {
    /** How many agents run (on a swarm, one per node); 1 when unset. */
    public static final String AGENTS_ENV = "SCALER_AGENTS";
    /** The name every agent resolves to; the project's agent name when unset. */
    public static final String PEERS_ENV = "SCALER_AGENT_PEERS";


    /** Where the agent reads it inside its container. */
    public static final String PATH = "/etc/scaler/agent.json";

    /** One watched group, as in the plan. */
    public record Group(String name, List<String> nodes, boolean automatic) {
        public Group {
            nodes = List.copyOf(nodes);
        }
    }

    public AgentConfig {
        groups = List.copyOf(groups);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String render(Topology t, Dialect dialect, String router, List<DataGroup> groups) {
        var config = new AgentConfig(1, t.name(), dialect.name(), router, DbRouterConfig.ADMIN_PORT, "root",
                DatabaseTier.ROOT_PASSWORD, DatabaseTier.REPLICATION_USER, DatabaseTier.REPLICATION_PASSWORD,
                groups.stream().map(g -> new Group(g.name(), g.nodes(), g.automaticFailover())).toList());
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file the planner wrote (with secrets filled in). */
    public static AgentConfig parse(String json) {
        try {
            return JSON.readValue(json, AgentConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent configuration: " + e.getMessage(), e);
        }
    }
}
