package dev.scaler.provision;

import dev.scaler.engine.Apply;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Images;
import dev.scaler.plan.Labels;
import dev.scaler.plan.LocalBuilds;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Plan;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.Provenance;
import dev.scaler.plan.SpecHash;
import dev.scaler.topology.ImageProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** `scaler up`: checks everything that can fail before creating anything, then applies only the difference. */
public final class Up {
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    private final Engine engine;
    private final LocalBuilds builds;

    /** Up on this engine; an offline image must be a build recorded in {@code builds}. */
    public Up(Engine engine, LocalBuilds builds) {
        this.engine = engine;
        this.builds = builds;
    }

    /** What would change, after checking images and ports; creates nothing. */
    public Diff prepare(Plan plan, Map<String, String> hashesOut) {
        Map<String, String> imageIds;
        List<ObservedContainer> all;
        // Each question is a round trip to the engine: asked side by side, they take as long as the slowest.
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<ObservedContainer>> running = pool.submit(() -> engine.containers(Optional.empty()));
            var ids = new LinkedHashMap<String, Future<String>>();
            plan.images().forEach(image -> ids.put(image, pool.submit(() -> resolveImage(image, plan.imageProfile()))));
            imageIds = new HashMap<>();
            for (var e : ids.entrySet()) {
                imageIds.put(e.getKey(), answer(e.getValue()));
            }
            all = answer(running);
        }
        checkPorts(plan, all);
        for (ContainerSpec c : plan.containers()) {
            hashesOut.put(c.name(), SpecHash.of(c, imageIds.get(c.image())));
        }
        var mine = all.stream().filter(c -> plan.project().equals(c.labels().get(Labels.PROJECT)))
                .toList();
        return Diff.between(plan, hashesOut, mine);
    }

    /** Checks, then applies the plan with the given apply (which the caller may cancel). */
    public Diff run(Plan plan, Apply apply) {
        var hashes = new HashMap<String, String>();
        Diff diff = prepare(plan, hashes);
        if (!diff.empty()) {
            apply.run(plan, diff, hashes);
        }
        return diff;
    }

    /** The image's id on the engine, pulled first when it is missing and can be pulled; never a foreign offline tag. */
    private String resolveImage(String image, String profile) {
        Optional<String> id = engine.imageId(image);
        if (id.isEmpty() && !Images.builtLocally(image) && engine.pull(image, PULL_TIMEOUT)) {
            id = engine.imageId(image);
        }
        if (id.isEmpty()) {
            throw missing(image, profile);
        }
        if (profile.equals(ImageProfile.OFFLINE.yaml()) && LocalBuilds.name(image).isPresent()
                && builds.check(image, id) instanceof Provenance.Foreign foreign) {
            throw new EngineException("image " + image + " is not scaler's build: it points at "
                    + Provenance.shortId(foreign.id()) + ", which no `scaler images build`"
                    + " recorded; nothing was created", foreign.advice().orElseThrow());
        }
        return id.get();
    }

    /** What a question to the engine answered, or the error it failed with. */
    private static <T> T answer(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.scaler.engine.CancelledException();
        }
    }

    private static EngineException missing(String image, String profile) {
        if (Images.builtLocally(image)) {
            return new EngineException("image " + image + " is not on this engine",
                    "run `./scaler images build` (it builds the " + profile + " images locally), then `up` again");
        }
        return new EngineException("image " + image + " is not on this engine and could not be pulled",
                "without registry access, use the offline profile: `./scaler images build`, then "
                        + "`scaler up FILE` (the default `images: auto` takes the offline images once they are built)");
    }

    private static void checkPorts(Plan plan, List<ObservedContainer> all) {
        for (ContainerSpec c : plan.containers()) {
            for (PortBinding p : c.ports()) {
                if (p.hostPort() == 0) {
                    continue; // Docker picks a free port when it creates the container.
                }
                boolean ours = false;
                for (ObservedContainer o : all) {
                    for (PortBinding q : o.ports()) {
                        if (q.hostPort() == p.hostPort()) {
                            if (!plan.project().equals(o.labels().get(Labels.PROJECT))) {
                                throw new EngineException("port " + p.hostPort() + " is already published by "
                                        + o.name() + " of project " + o.labels().get(Labels.PROJECT),
                                        "choose another loadBalancer.port, or `scaler down --project "
                                                + o.labels().get(Labels.PROJECT) + "`");
                            }
                            ours = true;
                        }
                    }
                }
                if (!ours && !free(p)) {
                    throw new EngineException("port " + p.address() + " is taken by another program",
                            "choose another loadBalancer.port, or stop what listens there");
                }
            }
        }
    }

    private static boolean free(PortBinding p) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(p.hostIp()), p.hostPort()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
