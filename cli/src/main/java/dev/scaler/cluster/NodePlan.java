package dev.scaler.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a cluster: a Docker-in-Docker container named {@code CLUSTER-node-INDEX}, whose inner engine puts its
 * containers under the cgroup of the same name, at a fixed address (a manager's advertised address must not change
 * when the node restarts).
 */
public record NodePlan(String cluster, int index, String name, String address, NodeRole role, String datacenter) {

    /** The volume that holds the node's /var/lib/docker (its images and its Swarm state). */
    public String volume() {
        return name + "-docker";
    }

    /** The labels of the node container (and its volume): the state `cluster status` and `cluster down` read. */
    public Map<String, String> containerLabels() {
        var labels = new LinkedHashMap<String, String>();
        labels.put(ClusterLabels.CLUSTER, cluster);
        labels.put(ClusterLabels.INDEX, Integer.toString(index));
        labels.put(ClusterLabels.ROLE, role.label());
        labels.put(ClusterLabels.DATACENTER, datacenter);
        labels.put(ClusterLabels.ADDRESS, address);
        return labels;
    }

    /** The Swarm node labels placement constraints read: {@code node.labels.scaler.datacenter==eu-west}. */
    public Map<String, String> swarmLabels() {
        return Map.of(ClusterLabels.DATACENTER, datacenter, ClusterLabels.ROLE, role.label());
    }

    /** Where the node's engine answers the Docker API, from this machine and the cluster network. */
    public String engineHost() {
        return "tcp://" + address + ":" + ClusterPlan.ENGINE_PORT;
    }
}
