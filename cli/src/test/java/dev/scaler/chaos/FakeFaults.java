package dev.scaler.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proxies in memory: toxics added and removed as Toxiproxy would. */
final class FakeFaults implements Faults {
    final Map<String, List<Toxic>> toxics = new LinkedHashMap<>();
    /** Every toxic ever added, as "proxy: toxic", so a test need not catch a short fault while it lasts. */
    final List<String> added = new ArrayList<>();

    FakeFaults(String... proxies) {
        for (String p : proxies) {
            toxics.put(p, new ArrayList<>());
        }
    }

    @Override
    public List<String> proxies() {
        return List.copyOf(toxics.keySet());
    }

    @Override
    public synchronized void add(String proxy, Toxic toxic) {
        var list = toxics.get(proxy);
        if (list == null) {
            throw new IllegalArgumentException("no proxy " + proxy);
        }
        list.add(toxic);
        added.add(proxy + ": " + toxic.name() + " " + toxic.attributes());
    }

    @Override
    public synchronized void remove(String proxy, String toxicName) {
        toxics.getOrDefault(proxy, new ArrayList<>()).removeIf(t -> t.name().equals(toxicName));
    }

    synchronized List<String> added() {
        return List.copyOf(added);
    }

    @Override
    public synchronized Map<String, List<Toxic>> active() {
        var copy = new LinkedHashMap<String, List<Toxic>>();
        toxics.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    @Override
    public void close() {
    }
}
