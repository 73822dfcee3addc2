package dev.scaler.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** The label keys by which Docker is the source of truth for what a project owns. */
public final class Labels {
    public static final String PROJECT = "scaler.project";
    public static final String TIER = "scaler.tier";
    public static final String INDEX = "scaler.index";
    public static final String ROLE = "scaler.role";
    public static final String SPEC = "scaler.spec";
    public static final String DATACENTER = "scaler.datacenter";
    public static final String SHARD = "scaler.shard";
    /** On a container observed on a Swarm (not set by the plan): the hostname of the node that runs it. */
    public static final String NODE = "scaler.node";
    /** On a load generator container: the run it sends for. */
    public static final String RUN = "scaler.run";
    /** On the global load balancer: the datacenters in topology order, whose entry points are its ports in order. */
    public static final String DATACENTERS = "scaler.datacenters";
    /** The {@code scaler.datacenter} of what serves every datacenter (the global load balancer). */
    public static final String GLOBAL_DATACENTER = "global";

    private Labels() {
    }

    /** The labels every object of a project carries. */
    public static Map<String, String> project(String project) {
        return Map.of(PROJECT, project);
    }

    /** The labels of one container of a tier. */
    public static Map<String, String> container(String project, Tier tier, int index, String role) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(PROJECT, project);
        labels.put(TIER, tier.label());
        labels.put(INDEX, Integer.toString(index));
        labels.put(ROLE, role);
        return labels;
    }
}
