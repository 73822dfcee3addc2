package dev.scaler.cli;

/** Placeholder entry point; replaced by the CLI. */
public final class Main {
    public static void main(String[] args) {
    }
}
