package dev.scaler.cli;

import java.nio.file.Path;

/** Where `.scaler/` lives: SCALER_STATE_DIR when set, else `.scaler` in the working directory. */
final class StateDir {
    private StateDir() {
    }

    static Path resolve() {
        String env = System.getenv("SCALER_STATE_DIR");
        return Path.of(env == null || env.isBlank() ? ".scaler" : env);
    }
}
