package dev.scaler.webapp;

/** Placeholder entry point; replaced by the web app. */
public final class Main {
    public static void main(String[] args) {
    }
}
