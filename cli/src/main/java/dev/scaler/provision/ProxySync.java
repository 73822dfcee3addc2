package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Plan;
import dev.scaler.plan.ProxyRoute;
import eu.rekawek.toxiproxy.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * After `up`: the project's Toxiproxy has exactly the planned proxies, each listening and leading where
 * the plan says and enabled. The server creates them from its config file at start, so this usually
 * finds nothing to do; it repairs what changed since (a proxy disabled, deleted or re-pointed by hand
 * or by an interrupted experiment). Toxics are left alone (they belong to chaos runs and their rollback), but for
 * the permanent latency of the links between datacenters, {@link #LINK_LATENCY}, which this puts back.
 */
public final class ProxySync {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What was changed, by proxy name. */
    public record Result(List<String> created, List<String> fixed, List<String> removed, int unchanged) {
        public Result {
            created = List.copyOf(created);
            fixed = List.copyOf(fixed);
            removed = List.copyOf(removed);
        }

        /** True when every proxy already was as planned. */
        public boolean nothing() {
            return created.isEmpty() && fixed.isEmpty() && removed.isEmpty();
        }
    }

    private final Engine engine;

    public ProxySync(Engine engine) {
        this.engine = engine;
    }

    /** Makes the project's proxies what the plan says; a plan without proxies needs nothing. */
    public Result ensure(Plan plan) {
        if (plan.proxies().isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), 0);
        }
        return ensure(api(plan.project()), plan.proxies());
    }

    /** The API of the proxy container `up` just made healthy; its port appears with the container. */
    private ProxyApi api(String project) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var api = ProxyApi.connect(engine, project);
            if (api.isPresent()) {
                return api.get();
            }
            if (System.nanoTime() > end) {
                throw new ToxiproxyException("the proxy container of " + project
                        + " runs no Toxiproxy API on a published port; see `scaler status " + project + "`");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToxiproxyException("interrupted while looking for the Toxiproxy of " + project, e);
            }
        }
    }

    /** Makes the proxies of this API exactly these routes. */
    public static Result ensure(ProxyApi api, List<ProxyRoute> routes) {
        Map<String, Proxy> existing = new HashMap<>();
        api.call("list proxies", c -> c.getProxies()).forEach(p -> existing.put(p.getName(), p));
        var created = new ArrayList<String>();
        var fixed = new ArrayList<String>();
        var planned = new HashSet<String>();
        int unchanged = 0;
        for (ProxyRoute r : routes) {
            planned.add(r.name());
            Proxy p = existing.get(r.name());
            if (p == null) {
                api.call("create proxy " + r.name(), c -> c.createProxy(r.name(), r.listen(), r.upstream()));
                created.add(r.name());
                continue;
            }
            boolean changed = false;
            if (!sameListen(r.listen(), p.getListen())) {
                api.call("move proxy " + r.name(), c -> {
                    p.setListen(r.listen());
                    return p;
                });
                changed = true;
            }
            if (!r.upstream().equals(p.getUpstream())) {
                api.call("re-point proxy " + r.name(), c -> {
                    p.setUpstream(r.upstream());
                    return p;
                });
                changed = true;
            }
            if (!p.isEnabled()) {
                api.call("enable proxy " + r.name(), c -> {
                    p.enable();
                    return p;
                });
                changed = true;
            }
            if (changed) {
                fixed.add(r.name());
            } else {
                unchanged++;
            }
        }
        var removed = new ArrayList<String>();
        for (Proxy p : existing.values()) {
            if (!planned.contains(p.getName())) {
                api.call("delete proxy " + p.getName(), c -> {
                    p.delete();
                    return p;
                });
                removed.add(p.getName());
            }
        }
        removed.sort(String::compareTo);
        for (ProxyRoute r : routes) {
            if (!r.latency().isZero()) {
                keepLatency(api, r);
            }
        }
        return new Result(created, fixed, removed, unchanged);
    }

    /** The name of the permanent latency toxic of a link: not {@code scaler-*}, so no chaos sweep removes it. */
    public static final String LINK_LATENCY = "link-latency";

    /** A link's permanent latency, on the way back to the client: so every round trip over the link gets it once. */
    private static void keepLatency(ProxyApi api, ProxyRoute r) {
        long ms = r.latency().toMillis();
        api.call("set the latency of " + r.name(), c -> {
            Proxy p = c.getProxy(r.name());
            for (var toxic : p.toxics().getAll()) {
                if (toxic.getName().equals(LINK_LATENCY)) {
                    if (toxic instanceof eu.rekawek.toxiproxy.model.toxic.Latency l && l.getLatency() == ms) {
                        return p;
                    }
                    toxic.remove();
                }
            }
            p.toxics().latency(LINK_LATENCY, eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM, ms);
            return p;
        });
    }

    /**
     * Whether Toxiproxy's listen address is the planned one. It reports the address it bound, so the
     * planned {@code 0.0.0.0:20001} comes back as {@code [::]:20001}: any wildcard host is the same.
     */
    static boolean sameListen(String planned, String actual) {
        int a = planned.lastIndexOf(':');
        int b = actual.lastIndexOf(':');
        if (a < 0 || b < 0 || !planned.substring(a).equals(actual.substring(b))) {
            return false;
        }
        String plannedHost = planned.substring(0, a);
        String actualHost = actual.substring(0, b);
        return plannedHost.equals(actualHost) || (wildcard(plannedHost) && wildcard(actualHost));
    }

    private static boolean wildcard(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::");
    }
}
