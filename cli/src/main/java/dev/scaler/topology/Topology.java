package dev.scaler.topology;

import java.util.List;
import java.util.Optional;

/** A validated topology file: which tiers exist and how redundant each one is; {@code source} names the file. */
public record Topology(
        int version,
        String name,
        ImageProfile images,
        LoadBalancer loadBalancer,
        Web web,
        Optional<Cache> cache,
        Optional<Database> database,
        Optional<Shards> shards,
        Optional<Cdn> cdn,
        boolean proxies,
        List<Datacenter> datacenters,
        String source) {

    public Topology {
        datacenters = List.copyOf(datacenters);
    }

    /** The same topology with another number of web replicas (`scaler scale`). */
    public Topology withWebReplicas(int replicas) {
        return new Topology(version, name, images, loadBalancer, new Web(web.image(), replicas, web.sessions(), web.env(),
                web.autoscale()),
                cache, database, shards, cdn, proxies, datacenters, source);
    }

    /** The same topology with another image profile (the --images flag wins over the file). */
    public Topology withImages(ImageProfile profile) {
        return new Topology(version, name, profile, loadBalancer, web, cache, database, shards, cdn, proxies,
                datacenters, source);
    }

    /** The same topology with another CDN section (its assets directory resolved). */
    public Topology withCdn(Cdn other) {
        return new Topology(version, name, images, loadBalancer, web, cache, database, shards, Optional.of(other),
                proxies, datacenters, source);
    }
}
