package dev.scaler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scaler.load.EventLoopHttp;
import dev.scaler.load.GeneratorJob;
import dev.scaler.load.LoadGenerator;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Window;
import dev.scaler.report.Guards;
import dev.scaler.report.RunInfo;
import dev.scaler.state.RunStore;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `scaler generate`: one generator of a run sent by several (`scaler load --generators N`), inside its own container;
 * not meant to be run by hand. It warms up, prints {@code ready}, waits for the run's second 0 (the file
 * {@link #START}, epoch milliseconds, which the tool writes into every generator at once), sends its share, prints a
 * {@code live} line each second and a {@code settled} line per settled window (for the tool's live line and
 * guardrails), and stores its run under {@code --out} in the format of every run, which the tool copies out and merges.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, hidden = true,
        description = "Send one generator's share of a run and store what it measured (run by `load --generators`).",
        footer = {"", "Examples (inside a generator container, as `load --generators` runs it):",
                "  scaler generate --job /etc/scaler/generator.json --out /tmp/scaler-result"})
final class GenerateCommand implements Callable<Integer> {
    /** Where the tool writes second 0 of the run, in epoch milliseconds. */
    static final Path START = Path.of("/tmp/scaler-start");
    /** The line a generator prints once warm-up is over and it waits for second 0. */
    static final String READY = "ready";
    static final String LIVE = "live ";
    static final String SETTLED = "settled ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--job", required = true, description = "This generator's share of the run (JSON).")
    Path job;

    @Option(names = "--out", required = true, description = "The runs directory its run is stored in.")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        GeneratorJob j = JSON.readValue(Files.readString(job), GeneratorJob.class);
        var load = j.spec();
        var stopped = new AtomicBoolean();
        var http = new EventLoopHttp(load.timeout());
        var generator = new LoadGenerator(load, http)
                .warmUp(Duration.ofMillis(j.warmupMillis())).withPageAssets().firstUser(j.firstUser())
                .share(j.index() - 1, j.of()).leaveVerification()
                .startWhen(() -> secondZero(out, stopped));
        var setup = new MeasuredRun.Setup("generator", "", "", load, Duration.ofMillis(j.warmupMillis()),
                RunInfo.DEFAULT_STEADY_STATE, RunInfo.DEFAULT_SLO, Map.of(), Duration.ZERO, Guards.NONE, 1);
        String id = Integer.toString(j.index());
        var store = new RunStore(outDir);
        store.create(MeasuredRun.info(id, setup, java.time.Instant.now().toString(), 0));
        Thread reporter = Thread.ofPlatform().daemon().name("scaler-generator-lines")
                .start(() -> report(out, generator, load.windowCount()));
        LoadResult result;
        try (http; var stop = Interrupts.onInterrupt(() -> {
            stopped.set(true);
            generator.stop();
        })) {
            result = generator.run();
            reporter.interrupt();
            store.finish(MeasuredRun.info(id, setup, result.startedAt().toString(), result.seconds()), result);
            synchronized (out) {
                out.println("done");
                out.flush();
            }
            return stop.happened() ? ExitCode.INTERRUPTED : ExitCode.OK;
        }
    }

    /** Says it is ready, then waits for the tool to write second 0; now, when stopped first. */
    private static long secondZero(PrintWriter out, AtomicBoolean stopped) {
        synchronized (out) {
            out.println(READY);
            out.flush();
        }
        try {
            while (!stopped.get()) {
                if (Files.exists(START)) {
                    long epochMillis = Long.parseLong(Files.readString(START).strip());
                    return System.nanoTime() + (epochMillis - System.currentTimeMillis()) * 1_000_000L;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read second 0 from " + START + ": " + e.getMessage(), e);
        }
        return System.nanoTime();
    }

    /** Each second: the live figures, and every window that has settled since, with its histogram compressed. */
    private static void report(PrintWriter out, LoadGenerator generator, int windows) {
        int next = 0;
        try {
            generator.started().get();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                var lines = new java.util.ArrayList<String>();
                lines.add(LIVE + JSON.writeValueAsString(generator.live()));
                for (var w = generator.settled(next); next < windows && w.isPresent(); w = generator.settled(next)) {
                    lines.add(SETTLED + JSON.writeValueAsString(settled(w.get())));
                    next++;
                }
                synchronized (out) {
                    lines.forEach(out::println);
                    out.flush();
                }
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            // The run is over (or never started): nothing more to say.
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("live figures always serialise", e);
        }
    }

    /** A window as one JSON object: its counts, and its latencies in HdrHistogram's compressed encoding. */
    static ObjectNode settled(Window w) {
        ObjectNode node = JSON.createObjectNode().put("second", w.second()).put("successes", w.successes())
                .put("dropped", w.dropped());
        ObjectNode failures = node.putObject("failures");
        w.failures().forEach((k, n) -> failures.put(k.label(), n));
        var buffer = ByteBuffer.allocate(w.latency().getNeededByteBufferCapacity());
        int length = w.latency().encodeIntoCompressedByteBuffer(buffer);
        node.put("latency", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return node;
    }

    /** The window {@link #settled} wrote. */
    static Window window(com.fasterxml.jackson.databind.JsonNode node) {
        var failures = new java.util.EnumMap<dev.scaler.load.FailureKind, Long>(dev.scaler.load.FailureKind.class);
        node.path("failures").properties().forEach(e -> failures.put(dev.scaler.load.FailureKind.fromLabel(e.getKey()),
                e.getValue().asLong()));
        try {
            var h = org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(node.path("latency").asText())), 0);
            var latency = Window.newHistogram();
            latency.add(h);
            return new Window(node.path("second").asInt(), node.path("successes").asLong(), failures,
                    node.path("dropped").asLong(), latency);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("a generator's settled window does not decode: " + e.getMessage(), e);
        }
    }
}
