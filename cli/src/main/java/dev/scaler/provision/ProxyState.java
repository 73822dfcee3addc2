package dev.scaler.provision;

import java.util.List;

/** One proxy as a project's Toxiproxy has it now, with its toxics. */
public record ProxyState(String name, String listen, String upstream, boolean enabled, List<ToxicState> toxics) {
    public ProxyState {
        toxics = List.copyOf(toxics);
    }
}
