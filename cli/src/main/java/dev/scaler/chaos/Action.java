package dev.scaler.chaos;

/**
 * What one step does: a container action through Docker, a network fault through Toxiproxy, a heal, or an action on a
 * whole cluster node.
 */
public sealed interface Action permits ContainerAction, NetworkFault, Heal, NodeAction {

    /** The key the step is written with: {@code kill}, {@code slow-close}, {@code heal}. */
    String keyword();

    /** The action with its figures, for tables: {@code latency 200ms jitter 20ms}, {@code kill}. */
    default String summary() {
        return keyword();
    }
}
