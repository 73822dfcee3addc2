package dev.scaler.engine;

/** Where apply and teardown report each step, so the CLI can show it and tests can record it. */
@FunctionalInterface
public interface Progress {
    /** One step done or begun on a named object, e.g. ("shop-web-1", "healthy"). */
    void step(String object, String what);

    /** Reports nothing. */
    Progress SILENT = (object, what) -> { };
}
