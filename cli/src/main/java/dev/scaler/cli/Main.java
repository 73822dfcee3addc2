package dev.scaler.cli;

/** The entry point: everything else is in {@link Cli}, which tests call directly. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args));
    }
}
