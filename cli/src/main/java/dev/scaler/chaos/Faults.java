package dev.scaler.chaos;

import java.util.List;
import java.util.Map;

/** Network faults on a project's proxies; Toxiproxy is the one implementation. */
public interface Faults extends AutoCloseable {

    /** Names of the project's proxies (see {@code dev.scaler.plan.ProxyNames}), sorted. */
    List<String> proxies();

    /**
     * Adds a toxic to a proxy.
     *
     * @throws FaultException when the proxy is unknown, the toxic is invalid, or one of that name is there already
     */
    void add(String proxy, Toxic toxic);

    /** Removes a toxic; nothing happens when the proxy has no toxic of that name. */
    void remove(String proxy, String toxicName);

    /** Every toxic on every proxy, by proxy name (proxies without toxics map to an empty list). */
    Map<String, List<Toxic>> active();

    @Override
    void close();
}
