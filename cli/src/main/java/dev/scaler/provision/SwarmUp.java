package dev.scaler.provision;

import dev.scaler.engine.CancelledException;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.Progress;
import dev.scaler.engine.Swarm;
import dev.scaler.engine.UnhealthyException;
import dev.scaler.plan.Plan;
import dev.scaler.swarm.Deployment;
import dev.scaler.swarm.Service;
import dev.scaler.swarm.ServiceFile;
import dev.scaler.swarm.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * `scaler up --engine swarm`: the plan's services on a swarm. Checks every node has every image before creating
 * anything; creates what is missing, updates what changed (Swarm rolls the tasks), removes what the plan no longer
 * has, and waits, service after service in dependency order, until every task runs and is healthy. A failure or
 * Ctrl-C removes what this run created, so nothing is left half-created.
 */
public final class SwarmUp {
    private static final Duration POLL = Duration.ofMillis(250);

    /** What the run did, and where each service's tasks run now. */
    public record Result(Deployment deployment, int created, int updated, int removed, int unchanged,
            Map<String, List<Swarm.TaskView>> tasks) {
        public Result {
            tasks = Map.copyOf(tasks);
        }
    }

    private final Swarm swarm;
    private final Progress progress;
    private final Duration timeout;
    private volatile boolean cancelled;

    public SwarmUp(Swarm swarm, Progress progress, Duration timeout) {
        this.swarm = swarm;
        this.progress = progress;
        this.timeout = timeout;
    }

    /** Asks a running `up` to stop and roll back; safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Refuses what the swarm backend cannot set up yet, before anything else is looked at or made: Toxiproxy's
     * proxies are made through its API on a published port after `up` (ProxySync), which the swarm backend does not
     * do, so the web tier would be routed through a proxy that forwards nothing.
     */
    public static void refuseUnsupported(String project, boolean proxies) {
        if (proxies) {
            throw new EngineException(project + " has proxies: true, which the swarm backend cannot set up"
                    + " yet; nothing was created", "deploy it with proxies: false on the swarm, or on one engine");
        }
    }

    /** Deploys the plan; {@code secrets} fills the placeholders of the secret files. */
    public Result run(Plan plan, UnaryOperator<String> secrets) {
        refuseUnsupported(plan.project(), !plan.proxies().isEmpty());
        Deployment d;
        try {
            d = Services.of(plan, swarm.nodes());
        } catch (dev.scaler.swarm.PlacementException e) {
            throw new EngineException(e.getMessage() + "; nothing was created", e.hint(), e);
        }
        for (String image : d.services().stream().map(Service::image).distinct().toList()) {
            var without = swarm.nodesWithout(image);
            if (!without.isEmpty()) {
                throw new EngineException("image " + image + " is not on node(s) " + String.join(", ", without)
                        + " of cluster " + swarm.cluster() + "; nothing was created",
                        "`scaler cluster up` loads scaler's images into every node: run it again after "
                                + "`scaler images build`");
            }
        }
        var createdServices = new ArrayList<String>();
        var createdFiles = new ArrayList<String>();
        var createdNetworks = new ArrayList<String>();
        try {
            return apply(d, secrets, createdServices, createdFiles, createdNetworks);
        } catch (RuntimeException e) {
            createdServices.reversed().forEach(swarm::removeService);
            createdFiles.forEach(swarm::removeFile);
            createdNetworks.forEach(swarm::removeNetwork);
            if (!createdServices.isEmpty()) {
                progress.step(createdServices.size() + " service(s)", "removed again");
            }
            throw cancelled ? new CancelledException() : e;
        }
    }

    private Result apply(Deployment d, UnaryOperator<String> secrets, List<String> createdServices,
            List<String> createdFiles, List<String> createdNetworks) {
        Set<String> networks = new HashSet<>(swarm.networks(d.project()));
        for (var n : d.networks()) {
            if (!networks.contains(n.name())) {
                checkCancelled();
                swarm.createNetwork(n);
                createdNetworks.add(n.name());
                progress.step(n.name(), "overlay network created");
            }
        }
        Set<String> files = new HashSet<>(swarm.files(d.project()));
        for (ServiceFile f : d.files()) {
            if (!files.contains(f.object())) {
                checkCancelled();
                swarm.createFile(f, secrets.apply(f.content()), d.project());
                createdFiles.add(f.object());
                progress.step(f.object(), f.kind().name().toLowerCase(java.util.Locale.ROOT) + " created");
            }
        }
        Map<String, Swarm.Deployed> deployed = swarm.services(d.project()).stream()
                .collect(Collectors.toMap(Swarm.Deployed::name, Function.identity()));
        var planned = d.services().stream().map(Service::name).collect(Collectors.toSet());
        int removed = 0;
        for (var old : deployed.values()) {
            if (!planned.contains(old.name())) {
                swarm.removeService(old.id());
                progress.step(old.name(), "removed");
                removed++;
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        var tasks = new java.util.LinkedHashMap<String, List<Swarm.TaskView>>();
        var byName = d.services().stream().collect(Collectors.toMap(Service::name, Function.identity()));
        for (Service s : d.services()) {
            checkCancelled();
            // Only what a service depends on is waited for before it is created; the rest start side by side.
            s.dependsOn().stream().filter(byName::containsKey).filter(dep -> !tasks.containsKey(dep))
                    .forEach(dep -> tasks.put(dep, awaitReady(byName.get(dep))));
            var old = deployed.get(s.name());
            if (old == null) {
                swarm.createService(s, d.project());
                createdServices.add(s.name());
                progress.step(s.name(), "service created (" + s.replicas() + (s.replicas() == 1 ? " task)" : " tasks)"));
                created++;
            } else if (!old.specHash().equals(s.specHash())) {
                swarm.updateService(old, s, d.project());
                progress.step(s.name(), "service updated");
                updated++;
            } else {
                unchanged++;
            }
        }
        for (Service s : d.services()) {
            if (!tasks.containsKey(s.name())) {
                tasks.put(s.name(), awaitReady(s));
            }
        }
        return new Result(d, created, updated, removed, unchanged, tasks);
    }

    /** Waits until the service has as many running, healthy tasks as it asks for, each on a node. */
    private List<Swarm.TaskView> awaitReady(Service s) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            checkCancelled();
            var tasks = swarm.tasks(s.name());
            var ready = tasks.stream().filter(t -> t.state().equals("running") && t.health().ready()).toList();
            var update = swarm.updateState(s.name()).orElse("completed");
            if (update.startsWith("rollback") || update.equals("paused")) {
                // Swarm gave up on the new spec (its update config rolls back on failure): the old tasks still run.
                throw new UnhealthyException(s.name(), "Swarm's update of the service ended " + update, List.of());
            }
            if (ready.size() >= s.replicas() && !update.equals("updating")) {
                progress.step(s.name(), ready.stream().map(t -> t.node()).sorted()
                        .collect(Collectors.joining(", ", s.healthCheck().isPresent() ? "healthy on " : "running on ", "")));
                return ready;
            }
            if (System.nanoTime() > deadline) {
                var why = tasks.stream().map(t -> "task " + t.slot() + " on " + t.node() + ": " + t.state()
                        + (t.error().isEmpty() ? "" : " (" + t.error() + ")") + ", " + t.health().name()
                        .toLowerCase(java.util.Locale.ROOT)).toList();
                throw new UnhealthyException(s.name(), ready.size() + " of " + s.replicas() + " tasks ready after "
                        + timeout.toSeconds() + "s", why);
            }
            CancelledException.sleep(POLL);
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

}
