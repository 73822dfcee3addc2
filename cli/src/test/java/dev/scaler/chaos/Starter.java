package dev.scaler.chaos;

import dev.scaler.Repository;
import dev.scaler.files.InputFile;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Planner;
import dev.scaler.plan.ProxyNames;
import dev.scaler.plan.Tier;
import dev.scaler.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The starter topology as the adapter would see it right after {@code scaler up}: every container the planner
 * plans for topologies/starter.yaml, with the role it starts in, running, and the proxies the planner would
 * name in front of each data node and primary route.
 */
final class Starter {

    private Starter() {
    }

    static Path repositoryRoot() {
        return Repository.root();
    }

    static Topology topology() {
        try {
            // images: auto taken as upstream, as `up` would where the registry answers: the names are the same.
            return InputFile.topology(repositoryRoot().resolve("topologies/starter.yaml"))
                    .withImages(dev.scaler.topology.ImageProfile.UPSTREAM);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Snapshot snapshot() {
        List<Member> members = Planner.plan(topology()).containers().stream().map(Starter::member).toList();
        var proxies = new TreeSet<String>();
        for (Member m : members) {
            Tier.fromLabel(m.tier()).filter(t -> !m.role().equals("router") && !m.role().equals("sentinel"))
                    .flatMap(t -> ProxyNames.node(t, m.shard(), m.index())).ifPresent(proxies::add);
            if (m.tier().equals("shard")) {
                proxies.add(ProxyNames.primaryRoute(m.shard()));
            }
        }
        proxies.add(ProxyNames.primaryRoute(Optional.empty()));
        return new Snapshot(members, proxies);
    }

    private static Member member(ContainerSpec c) {
        var labels = c.labels();
        return new Member(c.name(), "id-" + c.name(), c.tier().label(), c.index(),
                Optional.ofNullable(labels.get(Labels.SHARD)).map(Integer::valueOf),
                Optional.ofNullable(labels.get(Labels.DATACENTER)), c.role(), Member.State.RUNNING);
    }

    /** The snapshot with one container changed (a failover, a kill). */
    static Snapshot with(Snapshot snapshot, String container, UnaryOperator<Member> change) {
        return new Snapshot(snapshot.members().stream().map(m -> m.container().equals(container) ? change.apply(m) : m)
                .toList(), snapshot.proxies());
    }

    static Member role(Member m, String role) {
        return new Member(m.container(), m.id(), m.tier(), m.index(), m.shard(), m.datacenter(), role, m.state());
    }

    static Member state(Member m, Member.State state) {
        return new Member(m.container(), m.id(), m.tier(), m.index(), m.shard(), m.datacenter(),
                state == Member.State.RUNNING ? m.role() : "", state);
    }
}
