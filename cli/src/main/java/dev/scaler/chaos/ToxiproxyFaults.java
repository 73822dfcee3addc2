package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.provision.ProxyApi;
import dev.scaler.provision.ProxyState;
import dev.scaler.provision.ToxicState;
import dev.scaler.provision.ToxiproxyException;
import eu.rekawek.toxiproxy.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Faults} on a project's Toxiproxy (its proxy container, found through Docker), over the
 * Toxiproxy Java client. Adding a toxic is one API request carrying its toxicity and every attribute
 * (see {@link ProxyApi#addToxic}), so no connection ever sees a half-made fault.
 */
public final class ToxiproxyFaults implements Faults {
    private final ProxyApi api;

    public ToxiproxyFaults(ProxyApi api) {
        this.api = api;
    }

    /**
     * The faults of a project's proxies.
     *
     * @throws FaultException when the project has no running proxy container
     */
    public static ToxiproxyFaults of(Engine engine, String project) {
        return new ToxiproxyFaults(ProxyApi.connect(engine, project).orElseThrow(() -> new FaultException(
                "project " + project + " has no running Toxiproxy: network faults need `proxies: true` in its "
                        + "topology and `scaler up`")));
    }

    @Override
    public List<String> proxies() {
        return states().stream().map(ProxyState::name).toList();
    }

    @Override
    public void add(String proxy, Toxic toxic) {
        var problems = toxic.problems();
        if (!problems.isEmpty()) {
            throw new FaultException(String.join("; ", problems));
        }
        // One request, no look first: the time it takes is part of every injection. Toxiproxy's own refusals
        // (404 no such proxy, 409 a toxic of that name) are turned into the messages a look would have given.
        try {
            api.addToxic(proxy, new ToxicState(toxic.name(), toxic.type(), toxic.stream(), toxic.toxicity(),
                    toxic.attributes()));
        } catch (ToxiproxyException e) {
            if (e.getMessage().contains("[404]")) {
                known(proxy);
            }
            if (e.getMessage().contains("[409]")) {
                throw new FaultException("proxy " + proxy + " of " + api.project() + " already has a toxic named "
                        + toxic.name() + "; remove it first or choose another name", e);
            }
            throw new FaultException(e.getMessage(), e);
        }
    }

    @Override
    public void remove(String proxy, String toxicName) {
        known(proxy);
        try {
            api.call("remove toxic " + toxicName + " from " + proxy, c -> {
                Proxy p = c.getProxy(proxy);
                var toxic = p.toxics().getAll().stream()
                        .filter(t -> t.getName().equals(toxicName)).findFirst();
                if (toxic.isPresent()) {
                    toxic.get().remove();
                }
                return toxic.isPresent();
            });
        } catch (ToxiproxyException e) {
            // Removed in between by someone else is what was wanted.
            if (!e.getMessage().contains("toxic not found")) {
                throw new FaultException(e.getMessage(), e);
            }
        }
    }

    @Override
    public Map<String, List<Toxic>> active() {
        var out = new LinkedHashMap<String, List<Toxic>>();
        for (ProxyState p : states()) {
            out.put(p.name(), p.toxics().stream().map(t -> new Toxic(t.name(), t.type(), t.stream(),
                    t.toxicity(), t.attributes())).toList());
        }
        return out;
    }

    @Override
    public void close() {
        // Every call opens and closes its own connection; nothing is held between calls.
    }

    private List<ProxyState> states() {
        try {
            return api.proxies();
        } catch (ToxiproxyException e) {
            throw new FaultException(e.getMessage(), e);
        }
    }

    private ProxyState known(String proxy) {
        var states = states();
        return states.stream().filter(p -> p.name().equals(proxy)).findFirst()
                .orElseThrow(() -> new FaultException("project " + api.project() + " has no proxy named '" + proxy
                        + "'; its proxies: " + String.join(", ", states.stream().map(ProxyState::name).toList())));
    }
}
