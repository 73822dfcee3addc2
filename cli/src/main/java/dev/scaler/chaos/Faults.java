package dev.scaler.chaos;

import java.util.List;
import java.util.Map;

/** Network faults on a project's proxies; Toxiproxy is the one implementation. */
public interface Faults extends AutoCloseable {
    /** Names of the project's proxies. */
    List<String> proxies();

    /** Adds a toxic; fails with a clear message when the proxy is unknown. */
    void add(String proxy, Toxic toxic);

    /** Removes a toxic; gone already is fine. */
    void remove(String proxy, String toxicName);

    /** Every toxic on every proxy. */
    Map<String, List<Toxic>> active();

    @Override
    void close();
}
