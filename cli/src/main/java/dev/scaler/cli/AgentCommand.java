package dev.scaler.cli;

import dev.scaler.failover.Agent;
import dev.scaler.failover.FailoverPolicy;
import dev.scaler.failover.Group;
import dev.scaler.failover.Leadership;
import dev.scaler.failover.ManualFailover;
import dev.scaler.plan.AgentConfig;
import dev.scaler.provision.AgentPeers;
import dev.scaler.provision.RouterAdmin;
import dev.scaler.provision.SqlCluster;
import dev.scaler.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler agent`: the failover agent, run inside its own container by `up`; not meant to be run by hand. */
@Command(name = "agent", mixinStandardHelpOptions = true, hidden = true,
        description = "Watch every primary, fail over when one dies, keep replicas and the router in line.",
        footer = {"", "Examples (inside the agent container, as `up` and `scaler failover` run it):",
                "  scaler agent --config /etc/scaler/agent.json", "  scaler agent --config /etc/scaler/agent.json --promote db"})
final class AgentCommand implements Callable<Integer> {
    /** Exists while every group is healthy; the container's health check looks for it. */
    static final Path READY = Path.of("/tmp/scaler-agent.ready");
    private static final Duration ROUND = Duration.ofMillis(500);

    @Option(names = "--config", required = true, description = "The agent configuration the planner wrote.")
    Path config;

    @Option(names = "--promote", paramLabel = "GROUP[:NODE]",
            description = "Promote now (the most advanced replica, or NODE), then exit: what `scaler failover` runs.")
    Optional<String> promote = Optional.empty();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        AgentConfig c = AgentConfig.parse(Files.readString(config));
        Dialect dialect = "mysql".equals(c.dialect()) ? Dialect.MYSQL : Dialect.MARIADB;
        var groups = c.groups().stream().map(g -> new Group(g.name(), g.nodes(), g.automatic())).toList();
        // Every decision with a timestamp, one line each: `docker logs <project>-agent` is the agent's log.
        java.util.function.Consumer<String> log = line -> {
            out.println(Clock.systemUTC().instant() + " " + line);
            out.flush();
        };
        try (var cluster = new SqlCluster(dialect, c.user(), c.password(), c.replicationUser(),
                c.replicationPassword(), new RouterAdmin(c.routerHost(), c.routerAdminPort()), log)) {
            return run(c, groups, cluster, log, out);
        }
    }

    private int run(AgentConfig c, java.util.List<Group> groups, SqlCluster cluster,
            java.util.function.Consumer<String> log, java.io.PrintWriter out) throws Exception {
        if (promote.isPresent()) {
            String[] parts = promote.get().split(":", 2);
            var group = groups.stream().filter(g -> g.name().equals(parts[0])).findFirst()
                    .orElseThrow(() -> new UsageException("no group " + parts[0] + "; groups: "
                            + String.join(", ", groups.stream().map(Group::name).toList())));
            // The agent stands back meanwhile: both would re-point the same replicas (AgentTurns).
            String chosen = AgentTurns.take(AgentTurns.LOCK, () -> ManualFailover.promote(group,
                    parts.length > 1 ? Optional.of(parts[1]) : Optional.empty(), cluster, cluster.positions(), log));
            out.println("promoted " + chosen);
            return ExitCode.OK;
        }
        var agent = new Agent(groups, cluster, FailoverPolicy.defaults(true), cluster.positions(), Clock.systemUTC(),
                log);
        // On a swarm the agent is one task per node behind one name (SCALER_AGENTS of them): the lowest address of a
        // majority acts, the others watch. On one engine it is alone and always acts.
        int agents = Integer.parseInt(System.getenv().getOrDefault(AgentConfig.AGENTS_ENV, "1"));
        var leadership = new Leadership(agents);
        var peers = agents > 1 ? Optional.of(AgentPeers.start(System.getenv().getOrDefault(AgentConfig.PEERS_ENV,
                c.project() + "-agent"))) : Optional.<AgentPeers>empty();
        log.accept("agent: watching " + groups.size() + " group(s)" + (agents > 1 ? ", one of " + agents + " agents" : ""));
        boolean acting = false;
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            var answering = peers.map(AgentPeers::answering).orElse(java.util.Map.of());
            boolean act = leadership.round(answering, peers.isPresent() ? AgentPeers.own() : java.util.Set.of());
            peers.ifPresent(p -> p.acting(act));
            if (act != acting) {
                acting = act;
                log.accept("agent: " + (act ? "acting" : "standing by") + " (" + answering.size() + " of " + agents
                        + " agents answer: " + answering + ")");
            }
            AgentTurns.take(AgentTurns.LOCK, () -> {
                if (act) {
                    agent.tick();
                } else {
                    agent.observe();
                }
                return null;
            });
            // Healthy from the first round everything was set up (what `up` waits for) on: Swarm replaces an unhealthy
            // task, and an agent must not be killed for an outage it cannot repair (a dead primary under
            // `failover: manual` was one every 30 s). One standing by is doing its job.
            if (!act || agent.settled()) {
                Files.writeString(READY, "ok\n");
            }
            long left = ROUND.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
            }
        }
        return ExitCode.OK;
    }
}
