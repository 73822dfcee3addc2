package dev.scaler.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scaler.load.FailureKind;
import dev.scaler.load.GeneratorFigures;
import dev.scaler.load.LedgerEntry;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Snapshot;
import dev.scaler.report.Analysis;
import dev.scaler.report.Event;
import dev.scaler.report.Report;
import dev.scaler.report.Run;
import dev.scaler.report.RunInfo;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs on disk, one directory each under {@code .scaler/runs/<id>/} (docs/report.md lists the files). Ids sort by
 * time: {@code 20261125T161500Z-ab12}.
 */
public final class RunStore {
    public static final String INFO = "run.json";
    public static final String EVENTS = "events.jsonl";
    public static final String WINDOWS = "windows.jsonl";
    public static final String HISTOGRAMS = "histograms.hlog";
    public static final String LEDGER = "ledger.jsonl";
    public static final String VERIFICATION = "verification.json";
    public static final String SUMMARY = "summary.json";
    public static final String INJECTIONS = "injections.jsonl";
    public static final String SAMPLES = "samples.jsonl";
    /** The pages' asset requests through the CDN, by second, in the format of {@link #WINDOWS}; absent without. */
    public static final String ASSETS = "assets.jsonl";
    /** The windows counted per home datacenter (no latencies), when users were kept at home. */
    public static final String HOMES = "homes.jsonl";
    /** What each generator sent, one line each, when several did; absent when this process sent the load alone. */
    public static final String GENERATORS = "generators.jsonl";
    /** The directory of each generator's own run (its files as above), by generator number, when several sent. */
    public static final String GENERATOR_RUNS = "generators";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new Jdk8Module()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper LINES = new ObjectMapper().registerModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    /** @param root the runs directory, {@code .scaler/runs} */
    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public static String newId(Instant now, RandomGenerator random) {
        return ID_TIME.format(now) + "-" + String.format(Locale.ROOT, "%04x", random.nextInt(0x10000));
    }

    public Path dir(String id) {
        return root.resolve(id);
    }

    /** Creates the run's directory and writes run.json and a start event; the rest follows as the run goes. */
    public Path create(RunInfo info) {
        Path dir = dir(info.id());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(INFO), JSON.writeValueAsString(info));
            Files.writeString(dir.resolve(EVENTS), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run to " + dir, e);
        }
        return dir;
    }

    /** Appends one event to events.jsonl at once, so a crash keeps what had happened. */
    public void append(String id, Event event) {
        appendLine(id, EVENTS, event);
    }

    /** Appends one JSON line to a file of the run (e.g. injections.jsonl) at once. */
    public void appendLine(String id, String file, Object value) {
        try {
            Files.writeString(dir(id).resolve(file), LINES.writeValueAsString(value) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir(id).resolve(file), e);
        }
    }

    /**
     * Appends one snapshot of the vital signs to samples.jsonl at once (the sampler calls this each second), so a
     * crash keeps what was sampled.
     */
    public synchronized void appendSample(String id, Snapshot snapshot) {
        try {
            Files.writeString(dir(id).resolve(SAMPLES), LINES.writeValueAsString(snapshot) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir(id).resolve(SAMPLES), e);
        }
    }

    /** Writes what the load measured: windows, histograms, the ledger and its verification; updates run.json. */
    public void finish(RunInfo info, LoadResult result) {
        finish(info, result, List.of());
    }

    /** The same, with what each of several generators sent ({@link #GENERATORS}; nothing written when empty). */
    public void finish(RunInfo info, LoadResult result, List<GeneratorFigures> generators) {
        Path dir = dir(info.id());
        try {
            if (!generators.isEmpty()) {
                var lines = new StringBuilder();
                for (GeneratorFigures g : generators) {
                    lines.append(LINES.writeValueAsString(g)).append('\n');
                }
                Files.writeString(dir.resolve(GENERATORS), lines);
            }
            Files.writeString(dir.resolve(INFO), JSON.writeValueAsString(info));
            Files.writeString(dir.resolve(WINDOWS), lines(result.windows(), ""));
            if (!result.assets().isEmpty()) {
                Files.writeString(dir.resolve(ASSETS), lines(result.assets(), ""));
            }
            if (!result.homes().isEmpty()) {
                var homes = new StringBuilder();
                for (var home : result.homes().entrySet()) {
                    homes.append(lines(home.getValue(), home.getKey()));
                }
                Files.writeString(dir.resolve(HOMES), homes);
            }
            writeHistograms(dir.resolve(HISTOGRAMS), result);
            var ledger = new StringBuilder();
            for (LedgerEntry e : result.ledger()) {
                ledger.append(LINES.writeValueAsString(e)).append('\n');
            }
            Files.writeString(dir.resolve(LEDGER), ledger);
            Files.writeString(dir.resolve(VERIFICATION), JSON.writeValueAsString(result.verification()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run to " + dir, e);
        }
    }

    /** One JSON line per window: counts, availability and latency percentiles; {@code home} on each, unless "". */
    private static String lines(List<Window> windows, String home) throws IOException {
        var out = new StringBuilder();
        for (Window w : windows) {
            ObjectNode line = LINES.createObjectNode();
            if (!home.isEmpty()) {
                line.put("home", home);
            }
            line.put("second", w.second()).put("successes", w.successes());
            ObjectNode failures = line.putObject("failures");
            w.failures().forEach((k, n) -> failures.put(k.label(), n));
            line.put("dropped", w.dropped()).put("attempts", w.attempts());
            Double a = Analysis.availability(w.successes(), w.attempts());
            if (a != null) {
                line.put("availability", a);
            }
            if (w.latency().getTotalCount() > 0) {
                line.put("p50Ms", w.latency().getValueAtPercentile(50) / 1000.0)
                        .put("p99Ms", w.latency().getValueAtPercentile(99) / 1000.0)
                        .put("maxMs", w.latency().getMaxValue() / 1000.0);
            }
            out.append(LINES.writeValueAsString(line)).append('\n');
        }
        return out.toString();
    }

    public void writeSummary(Report report) {
        try {
            Files.writeString(dir(report.run().id()).resolve(SUMMARY), json(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SUMMARY, e);
        }
    }

    /** One interval histogram per window, in order, microseconds; the max column in milliseconds. */
    private static void writeHistograms(Path file, LoadResult result) throws IOException {
        try (var stream = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            var writer = new HistogramLogWriter(stream);
            long base = result.startedAt().toEpochMilli();
            writer.outputComment("scaler: one interval histogram per one-second window, latency in microseconds "
                    + "from each request's scheduled start");
            writer.outputLogFormatVersion();
            writer.outputStartTime(base);
            writer.setBaseTime(base);
            writer.outputLegend();
            for (Window w : result.windows()) {
                Histogram h = w.latency().copy();
                h.setStartTimeStamp(base + w.second() * 1000L);
                h.setEndTimeStamp(base + (w.second() + 1) * 1000L);
                writer.outputIntervalHistogram(h.getStartTimeStamp() / 1000.0 - base / 1000.0,
                        h.getEndTimeStamp() / 1000.0 - base / 1000.0, h, 1000.0);
            }
        }
    }

    /**
     * The newest run of {@code project} that is still going (its timeline has no end event and it is not a minute
     * past its planned length), with its timeline so far; empty when none is.
     */
    public java.util.Optional<Run> inProgress(String project) {
        var ids = new ArrayList<>(ids());
        java.util.Collections.reverse(ids);
        for (String id : ids) {
            try {
                RunInfo info = JSON.readValue(dir(id).resolve(INFO).toFile(), RunInfo.class);
                if (!info.project().equals(project)) {
                    continue;
                }
                var events = new ArrayList<Event>();
                for (String line : Files.readAllLines(dir(id).resolve(EVENTS))) {
                    if (!line.isBlank()) {
                        events.add(LINES.readValue(line, Event.class));
                    }
                }
                // A run stopped hard (killed) never writes its end: one well past its planned length is over too.
                boolean overdue = java.time.Instant.parse(info.startedAt()).plusSeconds((long) info.durationSeconds() + 60)
                        .isBefore(java.time.Instant.now());
                boolean ended = overdue || events.stream().anyMatch(e -> Event.END.equals(e.type()));
                return ended ? java.util.Optional.empty()
                        : java.util.Optional.of(new Run(info, events, List.of(), Verification.NONE));
            } catch (IOException e) {
                // A run being written or half gone: look at the one before.
            }
        }
        return java.util.Optional.empty();
    }

    /** Every stored run id, oldest first. */
    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(p -> Files.isRegularFile(p.resolve(INFO))).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** The id a user means: "latest" (or null) for the newest run, else the id itself, or a unique prefix of one. */
    public String resolve(String idOrLatest) {
        List<String> ids = ids();
        if (idOrLatest == null || idOrLatest.equals("latest")) {
            if (ids.isEmpty()) {
                throw new RunNotFoundException("no run is stored in " + root + "; `scaler load` or `scaler chaos` makes one");
            }
            return ids.get(ids.size() - 1);
        }
        if (ids.contains(idOrLatest)) {
            return idOrLatest;
        }
        List<String> matches = ids.stream().filter(i -> i.startsWith(idOrLatest)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new RunNotFoundException(matches.isEmpty() ? "no run '" + idOrLatest + "' in " + root
                + (ids.isEmpty() ? "" : "; the newest is " + ids.get(ids.size() - 1))
                : "'" + idOrLatest + "' matches " + matches.size() + " runs; give more of the id");
    }

    /** Reads a run back: run.json, events.jsonl, windows.jsonl with histograms.hlog, verification.json. */
    public Run load(String idOrLatest) {
        String id = resolve(idOrLatest);
        Path dir = dir(id);
        try {
            RunInfo info = JSON.readValue(dir.resolve(INFO).toFile(), RunInfo.class);
            var events = new ArrayList<Event>();
            if (Files.exists(dir.resolve(EVENTS))) {
                for (String line : Files.readAllLines(dir.resolve(EVENTS))) {
                    if (!line.isBlank()) {
                        events.add(LINES.readValue(line, Event.class));
                    }
                }
            }
            if (!Files.exists(dir.resolve(WINDOWS))) {
                throw new RunNotFoundException("run " + id + " did not finish: " + dir.resolve(WINDOWS) + " is missing");
            }
            var windows = readWindows(dir.resolve(WINDOWS), readHistograms(dir.resolve(HISTOGRAMS)));
            // Only the counts of asset requests are kept (their latency is not what the CDN is judged by).
            List<Window> assets = Files.exists(dir.resolve(ASSETS)) ? readWindows(dir.resolve(ASSETS), List.of())
                    : List.of();
            Verification verification = Files.exists(dir.resolve(VERIFICATION))
                    ? JSON.readValue(dir.resolve(VERIFICATION).toFile(), Verification.class) : Verification.NONE;
            var samples = new ArrayList<Snapshot>();
            if (Files.exists(dir.resolve(SAMPLES))) {
                for (String line : Files.readAllLines(dir.resolve(SAMPLES))) {
                    if (!line.isBlank()) {
                        samples.add(LINES.readValue(line, Snapshot.class));
                    }
                }
            }
            var homes = new java.util.LinkedHashMap<String, List<Window>>();
            if (Files.exists(dir.resolve(HOMES))) {
                for (String line : Files.readAllLines(dir.resolve(HOMES))) {
                    if (!line.isBlank()) {
                        var node = LINES.readTree(line);
                        homes.computeIfAbsent(node.path("home").asText(), k -> new ArrayList<>())
                                .add(window(node, Window.newHistogram()));
                    }
                }
            }
            var generators = new ArrayList<GeneratorFigures>();
            if (Files.exists(dir.resolve(GENERATORS))) {
                for (String line : Files.readAllLines(dir.resolve(GENERATORS))) {
                    if (!line.isBlank()) {
                        generators.add(LINES.readValue(line, GeneratorFigures.class));
                    }
                }
            }
            return new Run(info, events, windows, verification, samples, homes, assets, generators);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RunNotFoundException r) {
                throw r;
            }
            throw new RunNotFoundException("run " + id + " cannot be read: " + e.getMessage());
        }
    }

    /** The acknowledged writes of a stored run, in time order. */
    public List<LedgerEntry> ledger(String id) {
        Path file = dir(id).resolve(LEDGER);
        var entries = new ArrayList<LedgerEntry>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        entries.add(LINES.readValue(line, LedgerEntry.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new RunNotFoundException("the ledger of run " + id + " cannot be read: " + e.getMessage());
        }
        return entries;
    }

    /** A stored run as the load generator returned it (latencies of homes and assets are not kept), for merging. */
    public LoadResult result(String id) {
        Run run = load(id);
        return new LoadResult(Instant.parse(run.info().startedAt()), run.info().seconds(), run.windows(), ledger(id),
                run.verification(), run.homes(), run.assets());
    }

    /**
     * Stores the files of generator {@code generator}'s own run (as {@link #create} and {@link #finish} wrote them in
     * its container, by path under its runs directory) in run {@code id}'s {@link #GENERATOR_RUNS}; returns the store
     * that reads them.
     */
    public RunStore storeGeneratorRun(String id, Map<String, byte[]> files) {
        Path root = dir(id).resolve(GENERATOR_RUNS);
        try {
            for (var file : files.entrySet()) {
                Path target = root.resolve(file.getKey()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("a generator's file lies outside its run: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a generator's run in " + root, e);
        }
        return new RunStore(root);
    }

    /** Windows read back from their JSON lines, each with its histogram when there is one. */
    private static List<Window> readWindows(Path file, List<Histogram> histograms) throws IOException {
        var windows = new ArrayList<Window>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            var node = LINES.readTree(line);
            int second = node.path("second").asInt();
            windows.add(window(node, second < histograms.size() ? histograms.get(second) : Window.newHistogram()));
        }
        return windows;
    }

    /** One line of windows.jsonl, assets.jsonl or homes.jsonl, with its latencies. */
    private static Window window(com.fasterxml.jackson.databind.JsonNode node, Histogram latency) {
        var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
        node.path("failures").properties().forEach(e -> failures.put(FailureKind.fromLabel(e.getKey()),
                e.getValue().asLong()));
        return new Window(node.path("second").asInt(), node.path("successes").asLong(), failures,
                node.path("dropped").asLong(), latency);
    }

    private static List<Histogram> readHistograms(Path file) throws IOException {
        var out = new ArrayList<Histogram>();
        if (!Files.exists(file)) {
            return out;
        }
        try (var reader = new HistogramLogReader(file.toFile())) {
            for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                Histogram copy = Window.newHistogram();
                copy.add((Histogram) h);
                out.add(copy);
            }
        }
        return out;
    }

    /** The report as JSON, with the stable names of {@link Report}. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialise", e);
        }
    }
}
