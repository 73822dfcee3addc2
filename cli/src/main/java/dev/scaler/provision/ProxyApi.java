package dev.scaler.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.Tier;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A project's Toxiproxy API, reached on the port Docker published for its proxy container (the plan
 * leaves the host port to Docker, so it is read back, never assumed). Calls go through the Toxiproxy
 * Java client, each bounded in time: the client sets no timeouts, and a paused proxy container must
 * not hang `status` or a chaos rollback.
 */
public final class ProxyApi {
    /** Toxiproxy's API port inside the proxy container. */
    public static final int PORT = 8474;
    /** The longest any one call may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** One client for the process: building one per call cost tens of milliseconds of every injection. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project;
    private final String host;
    private final int port;
    private final ToxiproxyClient client;

    ProxyApi(String project, String host, int port) {
        this.project = project;
        this.host = host;
        this.port = port;
        this.client = new ToxiproxyClient(host, port);
    }

    /**
     * The Toxiproxy API of a proxy container at its address on the project network (what the vital-signs sampler
     * reads, as it reads every other container: no published port needed).
     */
    public static ProxyApi at(String project, String address) {
        return new ProxyApi(project, address, PORT);
    }

    /** The project's Toxiproxy, if it has a running proxy container with a published API port. */
    public static Optional<ProxyApi> connect(Engine engine, String project) {
        return find(project, engine.containers(Optional.of(project)));
    }

    /** The Toxiproxy client of a project's proxy container, for callers that want the client itself. */
    public static Optional<ToxiproxyClient> client(Engine engine, String project) {
        return connect(engine, project).map(ProxyApi::client);
    }

    /** The API of the project's running proxy container among these containers. */
    static Optional<ProxyApi> find(String project, List<ObservedContainer> containers) {
        return containers.stream()
                .filter(c -> project.equals(c.labels().get(Labels.PROJECT)) && Tier.PROXY.label().equals(c.tier())
                        && c.running())
                .flatMap(c -> c.ports().stream().filter(p -> p.containerPort() == PORT))
                .findFirst()
                .map(p -> new ProxyApi(project, reachable(p), p.hostPort()));
    }

    /** A port published on every interface is reached on loopback. */
    private static String reachable(PortBinding p) {
        return p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::") || p.hostIp().isEmpty() ? "127.0.0.1" : p.hostIp();
    }

    /** host:port of the API, as users can reach it. */
    public String address() {
        return host + ":" + port;
    }

    /** The project this API belongs to. */
    public String project() {
        return project;
    }

    /** The Java client for this API (its calls are not bounded in time; prefer {@link #call}). */
    public ToxiproxyClient client() {
        return client;
    }

    /** One client operation. */
    @FunctionalInterface
    public interface Call<T> {
        T on(ToxiproxyClient client) throws IOException;
    }

    /**
     * Runs an operation on a virtual thread and waits at most {@link #TIMEOUT}; a late one is
     * interrupted, which closes its socket.
     *
     * @throws ToxiproxyException naming {@code what} when it fails or takes too long
     */
    public <T> T call(String what, Call<T> call) {
        var task = new FutureTask<T>(() -> call.on(client));
        // A thread of its own, not an executor: closing an executor would wait for a call that hangs.
        Thread.ofVirtual().name("toxiproxy " + what).start(task);
        try {
            return task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ToxiproxyException(what + ": Toxiproxy of " + project + " at " + address()
                    + " did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ToxiproxyException(what + ": Toxiproxy of " + project + " at " + address() + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip()),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new ToxiproxyException(what + ": interrupted", e);
        }
    }

    /** Every proxy with its toxics, sorted by name. */
    public List<ProxyState> proxies() {
        return call("list proxies", c -> {
            var out = new ArrayList<ProxyState>();
            for (Proxy p : c.getProxies()) {
                out.add(new ProxyState(p.getName(), p.getListen(), p.getUpstream(), p.isEnabled(),
                        p.toxics().getAll().stream().map(ToxicState::of).toList()));
            }
            out.sort(java.util.Comparator.comparing(ProxyState::name));
            return out;
        });
    }

    /**
     * Every proxy with its toxics from one {@code GET /proxies}, whose answer carries each proxy's toxics: what a
     * reader asking every second wants. {@link #proxies()} asks the client, which asks once more per proxy.
     */
    public List<ProxyState> proxiesInOneRequest() {
        return call("list proxies", c -> {
            var request = HttpRequest.newBuilder(URI.create("http://" + address() + "/proxies")).timeout(TIMEOUT)
                    .GET().build();
            try {
                var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("[" + response.statusCode() + "] " + errorOf(response.body()));
                }
                return parseProxies(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        });
    }

    /**
     * Toxiproxy's {@code GET /proxies} answer, an object of proxies by name, each with {@code listen},
     * {@code upstream}, {@code enabled} and its {@code toxics} (name, type, stream, toxicity, attributes), sorted by
     * name.
     */
    static List<ProxyState> parseProxies(String json) throws IOException {
        var out = new ArrayList<ProxyState>();
        for (var p : JSON.readTree(json).properties()) {
            var node = p.getValue();
            var toxics = new ArrayList<ToxicState>();
            for (var t : node.path("toxics")) {
                var attributes = new LinkedHashMap<String, Long>();
                t.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asLong()));
                toxics.add(new ToxicState(t.path("name").asText(), t.path("type").asText(),
                        t.path("stream").asText("downstream"), t.path("toxicity").asDouble(1), attributes));
            }
            out.add(new ProxyState(node.path("name").asText(p.getKey()), node.path("listen").asText(),
                    node.path("upstream").asText(), node.path("enabled").asBoolean(true), toxics));
        }
        out.sort(java.util.Comparator.comparing(ProxyState::name));
        return out;
    }

    /**
     * Adds a toxic in one request, with its toxicity and every attribute. The Java client creates a
     * toxic with toxicity 1 and its first attribute, then changes the rest one request at a time, so
     * for a moment every connection would get the whole fault; this request has none of that.
     */
    public void addToxic(String proxy, ToxicState toxic) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", toxic.name());
        body.put("type", toxic.type());
        body.put("stream", toxic.stream());
        body.put("toxicity", toxic.toxicity());
        body.put("attributes", toxic.attributes());
        call("add toxic " + toxic.name() + " to " + proxy, c -> {
            var request = HttpRequest.newBuilder(URI.create("http://" + address() + "/proxies/"
                            + URLEncoder.encode(proxy, StandardCharsets.UTF_8) + "/toxics"))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            try {
                var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("[" + response.statusCode() + "] " + errorOf(response.body()));
                }
                return response;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        });
    }

    /** Toxiproxy's error text from its JSON error body ({@code {"error": "...", "status": 409}}), else the body. */
    static String errorOf(String body) {
        try {
            var node = JSON.readTree(body);
            return node != null && node.hasNonNull("error") ? node.get("error").asText() : body.strip();
        } catch (IOException e) {
            return body.strip();
        }
    }
}
