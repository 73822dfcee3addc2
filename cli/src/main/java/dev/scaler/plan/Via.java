package dev.scaler.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where web replicas dial an upstream: the upstream itself, or, with {@code proxies: true}, the
 * proxy container's port in front of it. Tiers ask this instead of writing addresses themselves,
 * so the env contract points at the proxies without any tier knowing about them.
 */
final class Via {
    private final String proxyHost;
    private final Map<String, Integer> listenByUpstream;

    private Via(String proxyHost, Map<String, Integer> listenByUpstream) {
        this.proxyHost = proxyHost;
        this.listenByUpstream = Map.copyOf(listenByUpstream);
    }

    /** Every upstream dialled directly. */
    static Via direct() {
        return new Via("", Map.of());
    }

    /** Every upstream that has a route dialled through the proxy container of that name. */
    static Via proxies(String proxyHost, List<ProxyRoute> routes) {
        var byUpstream = new HashMap<String, Integer>();
        for (ProxyRoute r : routes) {
            if (byUpstream.put(r.upstream(), r.listenPort()) != null) {
                throw new IllegalStateException("two proxies lead to " + r.upstream());
            }
        }
        return new Via(proxyHost, byUpstream);
    }

    /** The host:port a web replica dials to reach host:port. */
    String address(String host, int port) {
        String upstream = host + ":" + port;
        Integer listen = listenByUpstream.get(upstream);
        return listen == null ? upstream : proxyHost + ":" + listen;
    }

    /**
     * {@code upstream=proxy,...} for the given upstreams, when they go through proxies: for clients that
     * learn addresses at run time (Sentinel names the current Redis master) and must map them to a proxy.
     */
    Optional<String> table(List<String> upstreams) {
        if (listenByUpstream.isEmpty()) {
            return Optional.empty();
        }
        var entries = upstreams.stream().filter(listenByUpstream::containsKey)
                .map(u -> u + "=" + proxyHost + ":" + listenByUpstream.get(u)).toList();
        return entries.isEmpty() ? Optional.empty() : Optional.of(String.join(",", entries));
    }
}
