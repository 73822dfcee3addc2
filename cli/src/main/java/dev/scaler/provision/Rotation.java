package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A web replica's place in every load balancer of a project, through HAProxy's runtime API: whether it serves,
 * draining it before it stops, and freeing its slot after. Replicas enter rotation by themselves (DNS, then the
 * readiness check); leaving it is what needs scaler.
 */
public final class Rotation {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Engine engine;
    private final String project;

    public Rotation(Engine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    /**
     * What a drain ended with: the sessions still open on the replica when the bound passed (0 when drained), and
     * the slot it drained on each load balancer (by the balancer's address), which {@link #release} sets ready again.
     */
    public record Drained(ObservedContainer replica, long sessionsLeft, Duration waited, Map<String, String> slots) {
        public Drained {
            slots = Map.copyOf(slots);
        }
    }

    /** True when every load balancer sends the replica new requests. */
    public boolean serving(ObservedContainer replica) {
        return everyBalancer(api -> slot(api, replica).map(ServerSlot::serving).orElse(false));
    }

    /**
     * Waits until the replica itself answers {@code path} (its readiness) with 200 on the web port, asked directly
     * at its address; false when {@code bound} passed first. HAProxy alone is not enough: a slot that DNS has just
     * filled may show UP before its first check has failed.
     */
    public boolean awaitReady(ObservedContainer replica, String path, Duration bound) {
        var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var addresses = replica.networks().values().stream().toList();
        return !addresses.isEmpty() && poll(bound, () -> {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + addresses.get(0) + ":"
                    + dev.scaler.plan.Planner.WEB_PORT + path)).timeout(Duration.ofSeconds(2)).build();
            try {
                return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.scaler.engine.CancelledException();
            }
        });
    }

    /**
     * Waits until every load balancer serves the replica; false when {@code bound} passed first. A slot DNS put the
     * new replica in that is still drained (a scale killed between drain and release left it so) is set ready: only
     * a leaving replica is ever meant to be drained.
     */
    public boolean awaitServing(ObservedContainer replica, Duration bound) {
        return poll(bound, () -> {
            for (RuntimeApi api : balancers()) {
                slot(api, replica).filter(ServerSlot::drained).ifPresent(s -> api.state(s.name(), "ready"));
            }
            return serving(replica);
        });
    }

    /**
     * Puts the replica into drain on every load balancer (no new requests; those in flight finish) and waits until
     * its sessions are 0 everywhere, at most {@code bound}.
     */
    public Drained drain(ObservedContainer replica, Duration bound) {
        var slots = new java.util.HashMap<String, String>();
        for (RuntimeApi api : balancers()) {
            slot(api, replica).ifPresent(s -> {
                api.state(s.name(), "drain");
                slots.put(api.address(), s.name());
            });
        }
        long start = System.nanoTime();
        poll(bound, () -> sessions(replica) == 0);
        return new Drained(replica, sessions(replica), Duration.ofNanos(System.nanoTime() - start), slots);
    }

    /**
     * After the replica is gone: waits (at most {@code bound}) until DNS has taken its address out of each slot it
     * was drained on, then sets the slot ready again, so the next replica that DNS puts there is not born drained.
     * The slots are the ones {@link #drain} named, not looked up again: DNS may have emptied them already, and a
     * slot found by address then would be missed and stay drained.
     */
    public void release(Drained drained, Duration bound) {
        for (RuntimeApi api : balancers()) {
            String name = drained.slots().get(api.address());
            if (name == null) {
                continue;
            }
            poll(bound, () -> api.slots().stream().noneMatch(s -> s.name().equals(name) && holds(s, drained.replica())));
            api.state(name, "ready");
        }
    }

    private long sessions(ObservedContainer replica) {
        return balancers().stream().mapToLong(api -> slot(api, replica).map(ServerSlot::sessions).orElse(0L)).sum();
    }

    private boolean everyBalancer(Predicate<RuntimeApi> test) {
        List<RuntimeApi> all = balancers();
        return !all.isEmpty() && all.stream().allMatch(test);
    }

    private List<RuntimeApi> balancers() {
        return engine.containers(Optional.of(project)).stream()
                .filter(c -> c.running() && Tier.LB.label().equals(c.tier()))
                .flatMap(c -> c.networks().values().stream().findFirst().stream())
                .map(RuntimeApi::new).toList();
    }

    private static Optional<ServerSlot> slot(RuntimeApi api, ObservedContainer replica) {
        return api.slots().stream().filter(s -> holds(s, replica)).findFirst();
    }

    private static boolean holds(ServerSlot slot, ObservedContainer replica) {
        return !slot.address().isEmpty() && replica.networks().containsValue(slot.address());
    }

    private static boolean poll(Duration bound, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.scaler.engine.CancelledException();
            }
        }
        return true;
    }
}
