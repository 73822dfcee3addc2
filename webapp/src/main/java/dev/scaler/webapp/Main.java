package dev.scaler.webapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entry point: configuration from the environment, the {@link Application}, and a stop on SIGTERM. */
public final class Main {
    private Main() {}

    /**
     * Exits 2 on bad configuration and 1 when the port cannot be bound; otherwise serves until SIGTERM. With the
     * argument {@code worker} it runs the reference worker instead of the web app.
     */
    public static void main(String[] args) {
        // Before the first lookup, which fixes the policy: a name whose task moved to another node (Swarm) or whose
        // container was replaced must resolve to its new address within a second, not the JVM's default 30 s.
        java.security.Security.setProperty("networkaddress.cache.ttl", "1");
        java.security.Security.setProperty("networkaddress.cache.negative.ttl", "1");
        try {
            if (args.length == 1 && args[0].equals("worker")) {
                startWorker(System.getenv());
                return;
            }
            if (args.length > 0) {
                System.err.println("usage: webapp.jar [worker]  (got " + String.join(" ", args) + ")");
                System.exit(2);
            }
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
        List<String> problems = new ArrayList<>();
        Optional<QueueSettings> queue = QueueSettings.fromEnv(env, problems);
        Config config;
        try {
            config = Config.fromEnv(env, Main::hostname);
        } catch (ConfigException e) {
            problems.addAll(0, e.problems()); // every problem at once, the queue's too
            throw new ConfigException(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Application app = Application.start(config, queue);
        // The JVM runs shutdown hooks on SIGTERM, which is what `docker stop` sends first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stop(WebApp.DEFAULT_GRACE), "scaler-shutdown"));
        return app;
    }

    static WorkerMain startWorker(Map<String, String> env) throws IOException {
        WorkerMain worker = WorkerMain.start(WorkerSettings.fromEnv(env, Main::hostname));
        // SIGTERM (docker stop): stop taking jobs, finish or return the ones in hand, then exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> worker.stop(WebApp.DEFAULT_GRACE), "scaler-worker-shutdown"));
        return worker;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
