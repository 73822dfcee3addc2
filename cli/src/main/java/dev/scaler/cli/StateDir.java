package dev.scaler.cli;

import java.nio.file.Path;

/** Where `.scaler/` lives: SCALER_STATE_DIR (or the scaler.stateDir property) when set, else `.scaler` here. */
final class StateDir {
    private StateDir() {
    }

    static Path resolve() {
        String env = System.getProperty("scaler.stateDir", System.getenv("SCALER_STATE_DIR"));
        return Path.of(env == null || env.isBlank() ? ".scaler" : env);
    }
}
