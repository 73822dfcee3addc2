package dev.scaler.webapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** Entry point: configuration from the environment, the {@link Application}, and a stop on SIGTERM. */
public final class Main {
    private Main() {}

    /** Exits 2 on bad configuration and 1 when the port cannot be bound; otherwise serves until SIGTERM. */
    public static void main(String[] args) {
        try {
            start(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("cannot start: " + e);
            System.exit(1);
        }
    }

    static Application start(Map<String, String> env) throws IOException {
        Config config = Config.fromEnv(env, Main::hostname);
        Application app = Application.start(config);
        // The JVM runs shutdown hooks on SIGTERM, which is what `docker stop` sends first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stop(WebApp.DEFAULT_GRACE), "scaler-shutdown"));
        return app;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
