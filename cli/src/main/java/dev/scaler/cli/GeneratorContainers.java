package dev.scaler.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.load.EventLoopHttp;
import dev.scaler.load.GeneratorFigures;
import dev.scaler.load.GeneratorJob;
import dev.scaler.load.LoadGenerator;
import dev.scaler.load.LoadResult;
import dev.scaler.load.LoadSource;
import dev.scaler.load.LoadSpec;
import dev.scaler.load.Merge;
import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.plan.ContainerFile;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Images;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import dev.scaler.state.RunStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load of one run sent by N generator containers (`--generators N`): each runs the tool's own jar (`scaler
 * generate`, on the failover agent's image) on the project's network with its share of the rate, its own seed and
 * users. All start on one second 0 written into each at once; their runs are copied out into the run's
 * {@code generators/} directory and merged exactly ({@link Merge}); the joined ledger is read back here, as one. The
 * containers are removed when the run ends, however it ends.
 */
final class GeneratorContainers implements LoadSource {
    static final String JOB = "/etc/scaler/generator.json";
    static final String RESULT = "/tmp/scaler-result";
    /** How long generators may take from created to ready (their JVM start and warm-up come on top). */
    private static final Duration READY_BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Engine engine;
    private final String project;
    private final String runId;
    private final LoadSpec whole;
    private final List<GeneratorJob> jobs;
    private final String image;
    private final String network;
    private final RunStore store;
    private final PrintWriter out;
    private final List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Long> started = new CompletableFuture<>();
    private final Map<Integer, LoadGenerator.Live> lives = new ConcurrentHashMap<>();
    /** Per second, the settled windows the generators printed, by generator. */
    private final Map<Integer, Map<Integer, Window>> settled = new ConcurrentHashMap<>();
    private volatile boolean stop;
    private volatile long zeroNanos;
    private volatile long zeroEpochMillis;
    private volatile List<GeneratorFigures> figures = List.of();

    private GeneratorContainers(Engine engine, String project, String runId, LoadSpec whole, List<GeneratorJob> jobs,
            String image, String network, RunStore store, PrintWriter out) {
        this.engine = engine;
        this.project = project;
        this.runId = runId;
        this.whole = whole;
        this.jobs = jobs;
        this.image = image;
        this.network = network;
        this.store = store;
        this.out = out;
    }

    /**
     * N generators for {@code whole} (sent to the project's published load balancers): checked before anything is
     * created (the generator image, the project's network, the split itself).
     */
    static GeneratorContainers plan(Engine engine, String project, String runId, LoadSpec whole, int n,
            Duration warmup, RunStore store, PrintWriter out) {
        if (whole.mix().weights().getOrDefault(dev.scaler.load.Journey.JOB, 0) > 0) {
            // Each job's outcome is followed by the process that submitted it; the merge joins request ledgers only,
            // so the job ledger of N generators would be N partial ones, and a lost job could go unseen.
            throw new UsageException("the job journey is sent by one process: run it without --generators");
        }
        List<ObservedContainer> containers = engine.containers(Optional.of(project));
        String image = image(containers);
        if (engine.imageId(image).isEmpty()) {
            throw new EngineException("the generator image " + image + " is not on this engine",
                    "run `scaler images build` (the generators run the failover agent's image, scaler's own jar)");
        }
        String network = containers.stream().filter(c -> Tier.LB.label().equals(c.tier()) && c.running())
                .sorted(java.util.Comparator.comparing(ObservedContainer::name))
                .flatMap(c -> c.networks().keySet().stream()).findFirst()
                .orElseThrow(() -> new EngineException(project + " has no running load balancer on a network",
                        "start it with `scaler up FILE`"));
        List<GeneratorJob> jobs;
        try {
            jobs = GeneratorJob.split(whole, Balancers.internal(engine, project), n, warmup);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new GeneratorContainers(engine, project, runId, whole, jobs, image, network, store, out);
    }

    /** The agent image of the profile the project runs (its web app's tag), offline when that cannot be told. */
    static String image(List<ObservedContainer> containers) {
        return containers.stream().map(ObservedContainer::image).filter(i -> i.startsWith("scaler/webapp:"))
                .map(i -> "scaler/agent:" + i.substring("scaler/webapp:".length())).findFirst()
                .orElse("scaler/agent:offline");
    }

    /** The container of generator {@code job}: scaler's labels, the run's id, the project's network. */
    ContainerSpec container(GeneratorJob job) {
        var labels = new HashMap<>(Labels.container(project, Tier.GENERATOR, job.index(), "generator"));
        labels.put(Labels.RUN, runId);
        String suffix = runId.substring(runId.lastIndexOf('-') + 1);
        String json;
        try {
            json = JSON.writeValueAsString(job);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a job always serialises", e);
        }
        return new ContainerSpec(project + "-generator-" + suffix + "-" + job.index(), Tier.GENERATOR, job.index(),
                image, List.of("java", "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                        Images.AGENT_JAR, "generate", "--job", JOB, "--out", RESULT),
                Map.of(), List.of(), labels, Optional.empty(), List.of(), List.of(),
                List.of(new ContainerFile(JOB, json, 0644)), network, List.of());
    }

    @Override
    public CompletableFuture<Long> started() {
        return started;
    }

    @Override
    public LoadGenerator.Live live() {
        var all = List.copyOf(lives.values());
        if (all.isEmpty() || !started.isDone()) {
            return new LoadGenerator.Live(0, 0, 0, 0, 0, 0, Double.NaN);
        }
        // The worst generator's p99 of its last second: the live line is a glance, the report merges exactly.
        return new LoadGenerator.Live((System.nanoTime() - zeroNanos) / 1e9,
                all.stream().mapToLong(LoadGenerator.Live::scheduled).sum(),
                all.stream().mapToLong(LoadGenerator.Live::completed).sum(),
                all.stream().mapToLong(LoadGenerator.Live::failed).sum(),
                all.stream().mapToLong(LoadGenerator.Live::dropped).sum(),
                all.stream().mapToLong(LoadGenerator.Live::inFlight).sum(),
                all.stream().mapToDouble(LoadGenerator.Live::p99Millis).filter(d -> !Double.isNaN(d)).max()
                        .orElse(Double.NaN));
    }

    @Override
    public Optional<Window> settled(int second) {
        var windows = settled.get(second);
        return windows == null || windows.size() < jobs.size() ? Optional.empty()
                : Optional.of(Merge.window(List.copyOf(windows.values())));
    }

    @Override
    public void stop() {
        stop = true;
        for (String id : List.copyOf(ids)) {
            try {
                engine.signal(id, "SIGTERM");
            } catch (RuntimeException exitedAlready) {
                // It had finished: nothing to stop.
            }
        }
    }

    @Override
    public List<GeneratorFigures> generators() {
        return figures;
    }

    @Override
    public LoadResult run() throws InterruptedException {
        removeLeftovers();
        Thread lines = null;
        try {
            long t0 = System.nanoTime();
            for (GeneratorJob job : jobs) {
                ContainerSpec spec = container(job);
                var content = spec.files().get(0).content().getBytes(StandardCharsets.UTF_8);
                ids.add(engine.create(spec, Map.of(), Map.of(JOB, content), "generator"));
            }
            for (String id : ids) {
                engine.start(id);
            }
            awaitReady();
            if (stop) {
                throw new dev.scaler.engine.CancelledException("interrupted before the generators started");
            }
            // Second 0 a moment ahead, written into every generator; each waits for it on the same clock.
            long epochMillis = System.currentTimeMillis() + 1000;
            zeroEpochMillis = epochMillis;
            zeroNanos = System.nanoTime() + 1_000_000_000L;
            var writes = ids.stream().map(id -> Thread.ofVirtual().start(() -> {
                var exec = engine.exec(id, List.of("sh", "-c", "echo " + epochMillis + " > " + GenerateCommand.START
                        + ".tmp && mv " + GenerateCommand.START + ".tmp " + GenerateCommand.START), Duration.ofSeconds(5));
                if (!exec.ok()) {
                    stop();
                }
            })).toList();
            for (Thread t : writes) {
                t.join();
            }
            out.printf("%d generators ready in %.1fs on %s (%s), second 0 at %s%n", jobs.size(),
                    (System.nanoTime() - t0) / 1e9, network, image, java.time.Instant.ofEpochMilli(epochMillis));
            out.flush();
            started.complete(zeroNanos);
            lines = Thread.ofPlatform().daemon().name("scaler-generator-lines").start(this::follow);
            awaitExit();
            lines.interrupt();
            return collect();
        } finally {
            if (lines != null) {
                lines.interrupt();
            }
            started.cancel(false);
            removeAll();
        }
    }

    /** Generators of this project left by a run that was killed (the run removes its own; a kill cannot). */
    private void removeLeftovers() {
        engine.containers(Optional.of(project)).stream()
                .filter(c -> Tier.GENERATOR.label().equals(c.tier()) && !c.running())
                .forEach(c -> engine.remove(c.id(), Duration.ZERO));
    }

    private void removeAll() {
        for (String id : List.copyOf(ids)) {
            try {
                engine.remove(id, Duration.ZERO);
            } catch (RuntimeException e) {
                out.println("scaler: could not remove generator container " + id + ": " + e.getMessage()
                        + " (`scaler down` removes it)");
            }
        }
        ids.clear();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_BOUND.toNanos() + whole.timeout().toNanos();
        var ready = new java.util.HashSet<String>();
        while (ready.size() < ids.size() && !stop) {
            for (String id : ids) {
                if (!ready.contains(id) && lines(engine.logs(id, 20)).contains(GenerateCommand.READY)) {
                    ready.add(id);
                } else if (!ready.contains(id) && engine.exitCode(id).isPresent()) {
                    throw failed(id, "ended before it was ready");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException("generators were not ready within " + READY_BOUND.toSeconds() + " s",
                        "the machine may be overloaded; `docker logs` of a generator says what it did");
            }
            Thread.sleep(50);
        }
    }

    /** Each second: every generator's last lines, for the live line and the settled windows guardrails read. */
    private void follow() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (int g = 0; g < ids.size(); g++) {
                    for (String line : lines(engine.logs(ids.get(g), 60))) {
                        read(g + 1, line);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            // The run is over.
        } catch (RuntimeException e) {
            // A generator went away mid-read: its files still say what it measured.
        }
    }

    /** The lines of what the engine returned: one piece of output may hold several. */
    private static List<String> lines(List<String> pieces) {
        return pieces.stream().flatMap(p -> p.lines()).map(String::strip).toList();
    }

    private void read(int generator, String line) {
        try {
            if (line.startsWith(GenerateCommand.LIVE)) {
                lives.put(generator, JSON.readValue(line.substring(GenerateCommand.LIVE.length()),
                        LoadGenerator.Live.class));
            } else if (line.startsWith(GenerateCommand.SETTLED)) {
                Window w = GenerateCommand.window(JSON.readTree(line.substring(GenerateCommand.SETTLED.length())));
                settled.computeIfAbsent(w.second(), k -> new ConcurrentHashMap<>()).putIfAbsent(generator, w);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            // A line cut short by the log tail: the next read has it whole.
        }
    }

    private void awaitExit() throws InterruptedException {
        // Every journey ends within 5 timeouts of its arrival (LoadGenerator), then the generator stores its run.
        long deadline = zeroNanos + whole.duration().toNanos() + 5 * whole.timeout().toNanos() + 60_000_000_000L;
        for (String id : ids) {
            while (engine.exitCode(id).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw failed(id, "did not end within a minute of the run's end");
                }
                Thread.sleep(100);
            }
            int code = engine.exitCode(id).getAsInt();
            if (code != ExitCode.OK && code != ExitCode.INTERRUPTED) {
                throw failed(id, "ended with exit code " + code);
            }
        }
    }

    /** Copies every generator's run out, stores it under the run, merges them and reads the joined ledger back. */
    private LoadResult collect() throws InterruptedException {
        var parts = new ArrayList<LoadResult>();
        var each = new ArrayList<GeneratorFigures>();
        for (int g = 0; g < ids.size(); g++) {
            GeneratorJob job = jobs.get(g);
            RunStore own = store.storeGeneratorRun(runId, engine.copyOut(ids.get(g), RESULT));
            LoadResult part = own.result(Integer.toString(job.index()));
            parts.add(part);
            each.add(Merge.figures(job.index(), job.seed(), job.rate(), part));
        }
        LoadResult merged = Merge.results(parts);
        var v = merged.verification();
        Verification verification;
        try (var http = new EventLoopHttp(whole.timeout())) {
            verification = new LoadGenerator(whole, http).verify(merged.ledger(), v.staleReads(), v.lostSessionUsers());
        }
        figures = List.copyOf(each);
        return new LoadResult(java.time.Instant.ofEpochMilli(zeroEpochMillis),
                merged.seconds(), merged.windows(), merged.ledger(), verification, merged.homes(), merged.assets());
    }

    private EngineException failed(String id, String what) {
        int g = ids.indexOf(id) + 1;
        return new EngineException("generator " + g + " " + what + "; its last lines:\n  "
                + String.join("\n  ", engine.logs(id, 15)), "the run's containers are removed; nothing is left behind");
    }
}
