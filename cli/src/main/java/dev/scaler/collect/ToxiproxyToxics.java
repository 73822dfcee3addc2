package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxyState;
import dev.scaler.provision.ProxySync;
import dev.scaler.provision.ToxicState;
import dev.scaler.provision.ToxiproxyException;
import java.util.List;

/**
 * A project's Toxiproxy: its proxies and the toxics in effect on each, from its own API at the proxy container's
 * address on the project network (one {@code GET /proxies}, through {@link ProxyApi}: the faults actually in effect,
 * whoever added them).
 */
final class ToxiproxyToxics implements Collector {
    /** The role label of the project's Toxiproxy container. */
    static final String ROLE = "toxiproxy";

    @Override
    public boolean reads(Target target) {
        // Only the Toxiproxy itself: the links between datacenters are HAProxy containers of the proxy tier.
        return target.tier().equals("proxy") && target.role().equals(ROLE);
    }

    @Override
    public Reading read(Target target) {
        try {
            // The project name only labels ProxyApi's errors; the container's name says as much.
            return of(ProxyApi.at(target.container(), target.address().orElseThrow()).proxiesInOneRequest());
        } catch (ToxiproxyException e) {
            return new Reading.Silent(e.getMessage());
        }
    }

    /**
     * The proxies as a reading, each toxic as Toxiproxy names and configures it; a link's permanent latency between
     * datacenters is the topology, not a fault, so it is left out.
     */
    static Reading.Proxies of(List<ProxyState> proxies) {
        return new Reading.Proxies(proxies.stream().map(p -> new Reading.Proxy(p.name(), p.enabled(),
                p.toxics().stream().filter(t -> !t.name().equals(ProxySync.LINK_LATENCY)).map(ToxicState::display)
                        .toList())).toList());
    }
}
