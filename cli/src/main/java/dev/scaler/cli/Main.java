package dev.scaler.cli;

/** The entry point: everything else is in {@link Cli}, which tests call directly. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before the first lookup, which fixes the policy: the failover agent must see a router task that Swarm
        // started on another node within a second, not after the JVM's default 30 s.
        java.security.Security.setProperty("networkaddress.cache.ttl", "1");
        System.exit(Cli.run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args));
    }
}
