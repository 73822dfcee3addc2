package dev.scaler.cli;

import dev.scaler.cluster.ClusterException;
import dev.scaler.cluster.ClusterPlan;
import dev.scaler.engine.DockerEngine;
import dev.scaler.nodes.ClusterDown;
import dev.scaler.nodes.ClusterStatus;
import dev.scaler.nodes.ClusterUp;
import dev.scaler.nodes.ImageCopy;
import dev.scaler.nodes.NodeHost;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler cluster`: a real Docker Swarm on this machine, each node a Docker-in-Docker container. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "A local Docker Swarm of Docker-in-Docker nodes: bring it up, see it, remove it.",
        footer = {"", "Examples:", "  scaler cluster up --nodes 3", "  scaler cluster status",
                "  scaler cluster down"},
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class})
final class ClusterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The NAME argument of `cluster down` and `cluster status`. */
    static final class ClusterName {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The cluster (default: the only one).")
        Optional<String> name = Optional.empty();

        String resolve(NodeHost host) {
            return ClusterCommand.resolve(name, host);
        }
    }

    /** The cluster a command is about: the one named, else the only one there is. */
    static String resolve(Optional<String> given, NodeHost host) {
        if (given.isPresent()) {
            return given.get();
        }
        var clusters = host.clusters();
        if (clusters.size() == 1) {
            return clusters.get(0);
        }
        throw new UsageException(clusters.isEmpty() ? "no cluster on this engine (scaler cluster up --nodes 3 makes one)"
                : "several clusters on this engine (" + String.join(", ", clusters) + "): name one");
    }

    /**
     * The host's engine for an experiment's node actions, when it has any: they act on the only cluster here (a
     * project deployed on a cluster is not yet told apart from one that is not).
     */
    static Optional<NodeHost> nodeHost(dev.scaler.chaos.Experiment experiment) {
        boolean nodes = experiment.steps().stream().anyMatch(s -> s.action() instanceof dev.scaler.chaos.NodeAction);
        return nodes ? Optional.of(NodeHost.connect()) : Optional.empty();
    }

    /** `scaler cluster up`. */
    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start N Docker-in-Docker nodes on a network of their own and join them into one swarm "
                    + "(all or nothing).",
            footer = {"", "Examples:", "  scaler cluster up --nodes 3",
                    "  scaler cluster up --nodes 4 --datacenters us-east,eu-west --name lab",
                    "  scaler cluster up --nodes 3 --images haproxy,webapp"})
    static final class Up implements Callable<Integer> {
        @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "How many nodes (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(names = "--managers", paramLabel = "M",
                description = "How many of them are managers (default: 3 when there are 3 nodes or more, else 1).")
        Integer managers;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = ClusterPlan.DEFAULT_NAME,
                description = "The cluster's name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--datacenters", paramLabel = "DC", split = ",",
                description = "Datacenters the nodes stand for, round robin (node label scaler.datacenter; default: "
                        + ClusterPlan.DEFAULT_DATACENTER + ").")
        List<String> datacenters = new ArrayList<>();

        @Option(names = "--images", paramLabel = "NAME", split = ",",
                description = "Offline images to copy into every node: all (default), none, or names (haproxy,webapp).")
        List<String> images = new ArrayList<>(List.of("all"));

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try (var host = NodeHost.connect()) {
                ClusterPlan plan;
                try {
                    plan = ClusterPlan.of(new ClusterPlan.Request(name, nodes,
                            managers == null ? OptionalInt.empty() : OptionalInt.of(managers), datacenters),
                            host.takenSubnets());
                } catch (ClusterException e) {
                    e.problems().forEach(p -> err.println("scaler: " + p));
                    err.println(e.problems().size() == 1 ? "1 problem; nothing was created."
                            : e.problems().size() + " problems; nothing was created.");
                    return ExitCode.BAD_INPUT;
                }
                List<String> copy = images(host);
                var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
                var up = new ClusterUp(host, progress);
                try (var stop = Interrupts.onInterrupt(up::cancel)) {
                    up.run(plan, copy);
                }
                var first = plan.nodes().get(0);
                out.printf("cluster %s is up in %.1fs: %d nodes (%d managers) on %s %s%n", plan.name(),
                        progress.seconds(), plan.nodes().size(), plan.managers().size(), plan.network(), plan.subnet());
                out.printf("  images copied into each node: %s%n", copy.isEmpty() ? "none" : String.join(" ", copy));
                out.printf("  its first manager's engine: DOCKER_HOST=%s (plain TCP on the cluster network)%n",
                        first.engineHost());
                out.printf("  see it: scaler cluster status %s; remove it: scaler cluster down %s%n", plan.name(),
                        plan.name());
            }
            return ExitCode.OK;
        }

        private List<String> images(NodeHost host) {
            var offline = ImageCopy.offlineImages(host);
            if (images.equals(List.of("all"))) {
                return offline;
            }
            if (images.equals(List.of("none"))) {
                return List.of();
            }
            var wanted = new ArrayList<String>();
            for (String n : images) {
                String tag = dev.scaler.plan.LocalBuilds.tag(n);
                if (!offline.contains(tag)) {
                    throw new UsageException("--images " + n + ": " + tag + " is not on this engine (build it with "
                            + "`scaler images build " + n + "`; all, none or names of " + offline + ")");
                }
                wanted.add(tag);
            }
            return wanted;
        }
    }

    /** `scaler cluster down`. */
    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove a cluster's node containers, their volumes, its network and its nodes' cgroups; "
                    + "nothing not labelled as this cluster's.",
            footer = {"", "Examples:", "  scaler cluster down", "  scaler cluster down lab"})
    static final class Down implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ClusterName name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try (var host = NodeHost.connect()) {
                String cluster = name.resolve(host);
                var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
                var result = new ClusterDown(host, progress).run(cluster);
                if (result.nothing()) {
                    out.printf("cluster %s: nothing to remove%n", cluster);
                } else {
                    out.printf("cluster %s is down in %.1fs: %d nodes, %d volumes, %d networks, %d cgroup"
                            + " directories removed%n", cluster, progress.seconds(), result.nodes(), result.volumes(),
                            result.networks(), result.cgroups());
                }
                if (!result.left().isEmpty()) {
                    result.left().forEach(l -> spec.commandLine().getErr().printf("scaler: left behind: %s%n", l));
                    return ExitCode.ENVIRONMENT;
                }
            }
            return ExitCode.OK;
        }
    }

    /** `scaler cluster status`. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List a cluster's nodes (address, role, availability, state, leader, memory) and the tasks "
                    + "each runs.",
            footer = {"", "Examples:", "  scaler cluster status", "  scaler cluster status lab"})
    static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ClusterName name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try (var host = NodeHost.connect(); var engine = DockerEngine.connect()) {
                String cluster = name.resolve(host);
                var view = ClusterStatus.of(host, cluster);
                if (view.nodes().isEmpty()) {
                    out.printf("cluster %s: no nodes%n", cluster);
                    return ExitCode.OK;
                }
                print(view, engine, out);
                if (view.answeredBy().isEmpty()) {
                    spec.commandLine().getErr().printf("scaler: no manager of %s answered: Swarm's view is missing"
                            + " (a lost quorum, or every manager down)%n", cluster);
                    return ExitCode.ENVIRONMENT;
                }
            }
            return ExitCode.OK;
        }

        private static void print(ClusterStatus.View view, DockerEngine engine, PrintWriter out) {
            var table = new Table("NODE", "ADDRESS", "DATACENTER", "ROLE", "AVAILABILITY", "STATE", "LEADER",
                    "CONTAINER", "MEMORY", "TASKS");
            for (var node : view.nodes()) {
                var c = node.container();
                var swarm = node.swarm();
                String memory = c.running() ? engine.memoryUsage(c.id()).stream()
                        .mapToObj(b -> String.format("%.0f MiB", b / 1048576.0)).findFirst().orElse("-") : "-";
                table.row(c.name(), c.address(), c.datacenter(),
                        swarm.map(s -> s.role()).orElse(c.role()),
                        swarm.map(s -> s.availability()).orElse("?"),
                        swarm.map(s -> s.state()).orElse("?"),
                        swarm.map(s -> s.leader() ? "yes" : s.reachability()).orElse("?"),
                        c.state(), memory, node.tasks().isEmpty() ? "-" : String.join(" ", node.tasks()));
            }
            table.print(out);
            view.answeredBy().ifPresent(m -> out.printf("(Swarm's view from %s)%n", m));
        }
    }
}
