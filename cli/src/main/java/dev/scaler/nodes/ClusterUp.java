package dev.scaler.nodes;

import com.github.dockerjava.api.exception.DockerException;
import dev.scaler.cluster.ClusterPlan;
import dev.scaler.cluster.NodePlan;
import dev.scaler.engine.CancelledException;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes a cluster of its plan, all or nothing: the network, one Docker-in-Docker container per node, one swarm of
 * them (the first manager initialises it, the other managers and then the workers join), node labels, and the
 * images copied in. Any failure, or {@link #cancel()}, removes everything this cluster's label marks.
 */
public final class ClusterUp {
    /** How long a node's engine may take to answer after its container starts. */
    static final Duration ENGINE_START = Duration.ofSeconds(60);
    /** How long the swarm may take until every node is Ready. */
    static final Duration READY = Duration.ofSeconds(60);

    private final NodeHost host;
    private final Progress progress;
    private volatile boolean cancelled;

    public ClusterUp(NodeHost host, Progress progress) {
        this.host = host;
        this.progress = progress;
    }

    /** Stops at the next step; {@link #run} then removes what it made and throws {@link CancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    /** Brings the cluster up and copies {@code images} into every node; on any failure nothing of it is left. */
    public void run(ClusterPlan plan, List<String> images) {
        if (!host.nodes(java.util.Optional.of(plan.name())).isEmpty() || !host.networks(plan.name()).isEmpty()) {
            throw new EngineException("cluster " + plan.name() + " exists already",
                    "see `scaler cluster status " + plan.name() + "`, or remove it with `scaler cluster down "
                            + plan.name() + "`");
        }
        if (!host.hasNodeImage()) {
            throw new EngineException(NodeHost.IMAGE + " is not on this engine",
                    "build it with `scaler images build` (or images/build.sh node)");
        }
        try {
            make(plan, images);
        } catch (RuntimeException e) {
            var left = new ClusterDown(host, Progress.SILENT).run(plan.name());
            if (!left.left().isEmpty()) {
                e.addSuppressed(new EngineException("left behind: " + String.join(", ", left.left()), ""));
            }
            throw e;
        }
    }

    private void make(ClusterPlan plan, List<String> images) {
        check();
        host.createNetwork(plan);
        progress.step(plan.network(), "created " + plan.subnet());
        for (NodePlan node : plan.nodes()) {
            check();
            host.start(host.createNode(node, plan.network()));
            progress.step(node.name(), "started at " + node.address());
        }
        var engines = new ArrayList<SwarmEngine>();
        try {
            for (NodePlan node : plan.nodes()) {
                engines.add(awaitEngine(node));
                progress.step(node.name(), "engine answers");
            }
            swarm(plan, engines);
            copyImages(plan, engines, images);
            awaitReady(plan, engines.get(0));
        } finally {
            engines.forEach(SwarmEngine::close);
        }
    }

    private void swarm(ClusterPlan plan, List<SwarmEngine> engines) {
        var first = engines.get(0);
        first.init();
        progress.step(plan.nodes().get(0).name(), "initialised the swarm");
        String managerToken = first.joinToken(true);
        String workerToken = first.joinToken(false);
        for (int i = 1; i < plan.nodes().size(); i++) {
            check();
            NodePlan node = plan.nodes().get(i);
            boolean manager = node.role() == dev.scaler.cluster.NodeRole.MANAGER;
            // One at a time: each manager that joins changes the Raft membership the next one joins through.
            engines.get(i).join(plan.nodes().get(0).address(), manager ? managerToken : workerToken);
            progress.step(node.name(), "joined as " + node.role().label());
        }
        for (NodePlan node : plan.nodes()) {
            first.label(node.name(), node.swarmLabels());
        }
        progress.step(plan.name(), "nodes labelled " + labelsOf(plan));
    }

    private static String labelsOf(ClusterPlan plan) {
        return plan.nodes().stream().map(n -> n.name() + "=" + n.datacenter()).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private void copyImages(ClusterPlan plan, List<SwarmEngine> engines, List<String> images) {
        if (images.isEmpty()) {
            return;
        }
        var pool = Executors.newFixedThreadPool(Math.min(engines.size(), 3));
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < engines.size(); i++) {
                var engine = engines.get(i);
                String name = plan.nodes().get(i).name();
                futures.add(pool.submit((Callable<Void>) () -> {
                    check();
                    ImageCopy.copy(host, engine, ImageCopy.missing(host, engine, images));
                    ImageCopy.awaitLoaded(host, engine, images, java.time.Duration.ofSeconds(60));
                    progress.step(name, "has " + images.size() + " images");
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while copying images");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new EngineException("cannot copy images: " + DockerEngine.rootMessage(e), "", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private SwarmEngine awaitEngine(NodePlan node) {
        long deadline = System.nanoTime() + ENGINE_START.toNanos();
        while (true) {
            check();
            try {
                return SwarmEngine.at(node.address());
            } catch (EngineException e) {
                if (System.nanoTime() > deadline) {
                    throw new EngineException("the engine of node " + node.name() + " did not answer at "
                            + node.engineHost() + " within " + ENGINE_START.toSeconds() + "s",
                            "see `docker logs " + node.name() + "`", e);
                }
                pause(Duration.ofMillis(250));
            }
        }
    }

    private void awaitReady(ClusterPlan plan, SwarmEngine manager) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            check();
            List<SwarmNodeView> nodes;
            try {
                nodes = manager.nodes();
            } catch (DockerException e) {
                nodes = List.of();
            }
            long ready = nodes.stream().filter(SwarmNodeView::ready).count();
            if (ready == plan.nodes().size()) {
                progress.step(plan.name(), ready + " nodes ready");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException("only " + ready + " of " + plan.nodes().size() + " nodes of " + plan.name()
                        + " were Ready after " + READY.toSeconds() + "s", "see `docker logs " + plan.nodes().get(0)
                                .name() + "`");
            }
            pause(Duration.ofMillis(250));
        }
    }

    private void check() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancelledException("interrupted: cluster up stopped; what it had made was removed");
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check();
        }
    }
}
