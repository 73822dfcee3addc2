package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.monitor.Target;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxyState;
import dev.scaler.provision.ToxicState;
import dev.scaler.provision.ToxiproxyException;
import java.util.List;

/**
 * A project's Toxiproxy: its proxies and the toxics in effect on each, from its own API at the proxy container's
 * address on the project network (one {@code GET /proxies}, through {@link ProxyApi}: the faults actually in effect,
 * whoever added them).
 */
final class ToxiproxyToxics implements Collector {

    @Override
    public boolean reads(Target target) {
        return target.tier().equals("proxy");
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

    /** The proxies as a reading, each toxic as Toxiproxy names and configures it. */
    static Reading.Proxies of(List<ProxyState> proxies) {
        return new Reading.Proxies(proxies.stream().map(p -> new Reading.Proxy(p.name(), p.enabled(),
                p.toxics().stream().map(ToxicState::display).toList())).toList());
    }
}
