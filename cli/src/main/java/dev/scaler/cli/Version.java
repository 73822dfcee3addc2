package dev.scaler.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by --version: the jar's implementation version when packaged. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"scaler " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
}
