package dev.scaler.chaos;

import dev.scaler.yaml.LoaderProperties;

/**
 * Random and mutated experiment and gameday files never make the loader throw anything but an
 * {@link ExperimentException} whose problems are located, and never make it hang.
 */
class ExperimentLoaderPropertiesTest extends LoaderProperties {
    private static final String SOURCE = "fuzzed.yaml";

    @Override
    protected String shippedIn() {
        return "chaos-scripts";
    }

    @Override
    protected String source() {
        return SOURCE;
    }

    @Override
    protected Class<? extends Exception> located() {
        return ExperimentException.class;
    }

    @Override
    protected void load(String text) throws ExperimentException {
        ExperimentLoader.parseScript(SOURCE, text);
    }
}
