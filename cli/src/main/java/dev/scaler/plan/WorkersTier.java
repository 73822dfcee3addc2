package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Queue;
import dev.scaler.topology.Topology;
import dev.scaler.topology.Workers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker tier: {@code replicas} containers consuming the jobs queue. The reference worker is the web app image
 * run with the argument {@code worker}; it stores results beside the notes, so it is told the data tiers as the web
 * replicas are, and the queue through its own proxies.
 */
public final class WorkersTier {
    /** The reference worker's health and metrics port. */
    public static final int PORT = 8080;

    private WorkersTier() {
    }

    /**
     * True when a worker container running {@code image} (as Docker lists it) is the reference worker: the plan runs
     * it from the web app image of its profile, and a user's image from any other.
     */
    public static boolean reference(String image) {
        return java.util.Arrays.stream(ImageProfile.values()).map(Images::webapp).anyMatch(image::equals);
    }

    /** The container name of worker {@code index}. */
    static String name(String project, int index) {
        return project + "-worker-" + index;
    }

    /** The workers, each told {@code dataEnv} (the web tier's data env) and the queue dialled {@code via}. */
    static List<ContainerSpec> plan(Topology t, Queue q, Workers w, String network, Map<String, String> dataEnv,
            Via via, List<String> dependsOn) {
        var out = new ArrayList<ContainerSpec>();
        for (int i = 1; i <= w.replicas(); i++) {
            String name = name(t.name(), i);
            var env = new LinkedHashMap<String, String>(dataEnv);
            env.putAll(QueueTier.clientEnv(t, q, via));
            env.put("SCALER_WORKER_PREFETCH", Integer.toString(w.prefetch()));
            env.put("SCALER_WORKER_CONCURRENCY", Integer.toString(w.concurrency()));
            env.put("SCALER_INSTANCE", name);
            env.put("SCALER_PORT", Integer.toString(PORT));
            String image = w.reference() ? Images.webapp(t.images()) : w.image();
            // A user's image may lack bash and serve no HTTP: it is ready once it runs.
            Optional<HealthCheck> check = w.reference() ? Optional.of(HealthCheck.http(PORT, "/healthz"))
                    : Optional.empty();
            out.add(new ContainerSpec(name, Tier.WORKERS, i, image, w.reference() ? Images.WORKER_COMMAND : List.of(), env,
                    List.of(), Labels.container(t.name(), Tier.WORKERS, i, "worker"), check, dependsOn, List.of(),
                    List.of(), network, List.of()));
        }
        return out;
    }
}
