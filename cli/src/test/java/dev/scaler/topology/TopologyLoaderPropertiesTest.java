package dev.scaler.topology;

import dev.scaler.yaml.LoaderProperties;

/**
 * Machines, not only people, write bad topology files: random and mutated YAML never makes the loader throw
 * anything but a {@link TopologyException} whose problems are located, and never makes it hang.
 */
class TopologyLoaderPropertiesTest extends LoaderProperties {
    // In topologies/, so that `cdn.assets: assets` of the shipped files points at a directory that exists.
    private static final String SOURCE = "topologies/fuzzed.yaml";

    @Override
    protected String shippedIn() {
        return "topologies";
    }

    @Override
    protected String source() {
        return SOURCE;
    }

    @Override
    protected Class<? extends Exception> located() {
        return TopologyException.class;
    }

    @Override
    protected void load(String text) throws TopologyException {
        TopologyLoader.parse(text, SOURCE);
    }
}
