package dev.scaler.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the web app with the notes API (webapp/README.md and the notes contract), with modes
 * that break it on purpose and count exactly what they broke, so tests can compare the generator's figures.
 */
public final class NotesFixture implements AutoCloseable {
    /** How the fixture misbehaves. */
    public enum Mode {
        /** Everything as the contract says. */
        HONEST,
        /** Every second POST /notes is acknowledged (201) but never stored. */
        LOSE_WRITES,
        /** Reads without consistency=primary answer version 0 (a replica that never caught up). */
        STALE_READS,
        /** The session of u1 is forgotten right after each login (401 on /me). */
        FORGET_U1,
        /** /whoami answers 503. */
        SERVER_ERRORS,
        /** POST /login answers 503, as the web app does while its main database's primary does not answer. */
        LOGINS_DOWN,
        /** GET /account names another user than the session's. */
        WRONG_ACCOUNT,
        /** Every third job is confirmed (202) but never done. */
        LOSE_JOBS,
        /** Every third job is done twice (completions 2). */
        DOUBLE_JOBS,
        /** POST /jobs answers 503, as the web app does when its queue is not reachable. */
        QUEUE_DOWN
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Mode mode;
    private final long stallUntilNanos;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong droppedWrites = new AtomicLong();
    final AtomicLong staleServed = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> notes = new ConcurrentHashMap<>();
    /** Job id to its answer; a job is done 30 ms after it was submitted (its result is already in the answer). */
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobCount = new AtomicLong();
    final AtomicLong lostJobs = new AtomicLong();
    final AtomicLong doubledJobs = new AtomicLong();

    public NotesFixture(Mode mode) throws IOException {
        this(mode, 0);
    }

    /** With {@code stallMillis} > 0 every request that arrives in the first stallMillis waits until then. */
    public NotesFixture(Mode mode, long stallMillis) throws IOException {
        this.mode = mode;
        this.stallUntilNanos = System.nanoTime() + stallMillis * 1_000_000L;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** How many requests of the journeys arrived (the home page aside). */
    public long requestCount() {
        return requests.get();
    }

    /** How many acknowledged writes were never stored (LOSE_WRITES). */
    public long droppedWritesCount() {
        return droppedWrites.get();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            // The home page, which `scaler load` asks once before its clock for the assets it references, is not
            // one of the journeys' requests.
            if (!x.getRequestURI().getPath().equals("/")) {
                requests.incrementAndGet();
            }
            long wait = stallUntilNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            String user = user(x);
            if (path.equals("/whoami")) {
                if (mode == Mode.SERVER_ERRORS) {
                    answer(x, 503, "{\"error\":\"unavailable\"}");
                } else {
                    answer(x, 200, "{\"instance\":\"fixture-1\",\"datacenter\":\"dc1\"}");
                }
            } else if (path.equals("/login") && method.equals("POST") && mode == Mode.LOGINS_DOWN) {
                answer(x, 503, "{\"error\":\"database unavailable\"}");
            } else if (path.equals("/login") && method.equals("POST")) {
                String name = URLDecoder.decode(body.replaceFirst("^user=", ""), StandardCharsets.UTF_8);
                String id = UUID.randomUUID().toString();
                if (!(mode == Mode.FORGET_U1 && name.equals("u1"))) {
                    sessions.put(id, name);
                }
                x.getResponseHeaders().add("Set-Cookie", "SCALER_SESSION=" + id + "; Path=/; HttpOnly");
                answer(x, 200, "{\"user\":\"" + name + "\",\"instance\":\"fixture-1\"}");
            } else if (path.equals("/me")) {
                answer(x, user == null ? 401 : 200, user == null ? "{\"error\":\"no session\"}"
                        : "{\"user\":\"" + user + "\",\"instance\":\"fixture-1\"}");
            } else if (path.equals("/account")) {
                String named = mode == Mode.WRONG_ACCOUNT ? "someone-else" : user;
                answer(x, user == null ? 401 : 200, user == null ? "{\"error\":\"not logged in\"}"
                        : "{\"user\":\"" + named + "\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"lastLogin\":\"2026-01-01T00:00:00Z\",\"source\":\"replica\",\"instance\":\"fixture-1\"}");
            } else if (path.startsWith("/jobs")) {
                jobs(x, method, path, body, user);
            } else if (path.startsWith("/notes")) {
                notes(x, method, path, body, user);
            } else {
                answer(x, 404, "{\"error\":\"not found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notes(HttpExchange x, String method, String path, String body, String user) throws IOException {
        if (user == null) {
            answer(x, 401, "{\"error\":\"no session\"}");
            return;
        }
        if (path.equals("/notes") && method.equals("POST")) {
            String text = JSON.readTree(body).path("text").asText();
            String id = "n" + posts.incrementAndGet();
            ObjectNode note = JSON.createObjectNode().put("id", id).put("user", user).put("text", text).put("version", 1)
                    .put("shard", 1);
            if (mode == Mode.LOSE_WRITES && posts.get() % 2 == 0) {
                droppedWrites.incrementAndGet();
            } else {
                notes.put(id, note);
            }
            answer(x, 201, note.toString());
            return;
        }
        if (path.equals("/notes") && method.equals("GET")) {
            var list = JSON.createObjectNode();
            var array = list.putArray("notes");
            notes.values().stream().filter(n -> n.path("user").asText().equals(user))
                    .forEach(n -> array.addObject().put("id", n.path("id").asText()).put("version", n.path("version").asLong()));
            answer(x, 200, list.toString());
            return;
        }
        String id = path.substring("/notes/".length());
        ObjectNode note = notes.get(id);
        if (note == null) {
            answer(x, 404, "{\"error\":\"no such note\"}");
            return;
        }
        if (method.equals("PUT")) {
            synchronized (note) {
                note.put("text", JSON.readTree(body).path("text").asText()).put("version", note.path("version").asLong() + 1);
                answer(x, 200, note.toString());
            }
            return;
        }
        boolean primary = "consistency=primary".equals(x.getRequestURI().getQuery());
        ObjectNode copy;
        synchronized (note) {
            copy = note.deepCopy();
        }
        copy.put("source", primary ? "primary" : "replica");
        if (!primary && mode == Mode.STALE_READS) {
            copy.put("version", 0);
            staleServed.incrementAndGet();
        }
        answer(x, 200, copy.toString());
    }

    private void jobs(HttpExchange x, String method, String path, String body, String user) throws IOException {
        if (user == null) {
            answer(x, 401, "{\"error\":\"not logged in\"}");
            return;
        }
        if (path.equals("/jobs") && method.equals("POST")) {
            if (mode == Mode.QUEUE_DOWN) {
                answer(x, 503, "{\"error\":\"the job queue is not reachable\"}");
                return;
            }
            String note = JSON.readTree(body).path("note").asText();
            long n = jobCount.incrementAndGet();
            String id = "j" + n;
            java.time.Instant at = java.time.Instant.now();
            ObjectNode job = JSON.createObjectNode().put("id", id).put("note", note).put("state", "done").put("shard", 0)
                    .put("submittedAt", at.toString()).put("completions", 1);
            job.putObject("result").put("words", 3).put("sha256", "0".repeat(64)).put("noteVersion", 1)
                    .put("doneAt", at.plusMillis(30).toString());
            if (mode == Mode.LOSE_JOBS && n % 3 == 0) {
                job.put("state", "queued").put("completions", 0).remove("result");
                lostJobs.incrementAndGet();
            }
            if (mode == Mode.DOUBLE_JOBS && n % 3 == 0) {
                job.put("completions", 2);
                doubledJobs.incrementAndGet();
            }
            jobs.put(id, job);
            ObjectNode accepted = job.deepCopy().put("state", "queued").put("completions", 0);
            accepted.remove("result");
            answer(x, 202, accepted.toString());
            return;
        }
        ObjectNode job = jobs.get(path.substring("/jobs/".length()));
        answer(x, job == null ? 404 : 200, job == null ? "{\"error\":\"no such job\"}" : job.toString());
    }

    private String user(HttpExchange x) {
        String cookie = x.getRequestHeaders().getFirst("Cookie");
        if (cookie == null) {
            return null;
        }
        for (String part : cookie.split(";")) {
            String p = part.strip();
            if (p.startsWith("SCALER_SESSION=")) {
                return sessions.get(p.substring("SCALER_SESSION=".length()));
            }
        }
        return null;
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }
}
