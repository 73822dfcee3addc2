package dev.scaler.cli;

import dev.scaler.engine.EngineException;
import dev.scaler.load.JourneyMix;
import dev.scaler.load.LoadGenerator;
import dev.scaler.load.LoadResult;
import dev.scaler.load.LoadShape;
import dev.scaler.load.LoadSpec;
import dev.scaler.load.Serves;
import dev.scaler.provision.Status;
import dev.scaler.report.Analysis;
import dev.scaler.report.Event;
import dev.scaler.report.Hypothesis;
import dev.scaler.report.HypothesisException;
import dev.scaler.report.Report;
import dev.scaler.report.RunInfo;
import dev.scaler.state.RunStore;
import dev.scaler.report.TextReport;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler load`: a run with no faults, measured and stored under .scaler/runs/ID/. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Send open-model load (a constant arrival rate) to a project's load balancers or to URLs; "
                + "measure availability, latency and consistency; store the run for `scaler report`.",
        footer = {"", "Examples:", "  scaler load topologies/web-tier.yaml --rate 200 --duration 30s",
                "  scaler load web-tier --journeys browse=80,login=20 --seed 42",
                "  scaler load web-tier --stages 30s:50,60s:400,60s:400,30s:50",
                "  scaler load --target http://127.0.0.1:8080/ --rate 50 --duration 10s --hypothesis 'p99=<= 200ms'",
                "", "Exit codes: 0 done (every --hypothesis line held), 1 a line failed, 2 bad input, 3 environment,",
                "4 interrupted (what was measured until then is stored)."})
final class LoadCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|PROJECT",
            description = "A topology file or project name whose published load balancers get the load; "
                    + "the only project on the engine when neither this nor --target is given.")
    Optional<String> project = Optional.empty();

    @Option(names = "--target", paramLabel = "URL", description = "Send to this URL instead (repeatable; round-robin).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "R", defaultValue = "50", description = "Arrivals per second (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "30s", description = "How long (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--stages", paramLabel = "D:R,...",
            description = "Ramps and holds instead of --rate and --duration, as k6 writes them: each stage goes in a"
                    + " straight line from the previous rate (0 before the first) to R arrivals per second over D,"
                    + " e.g. 30s:50,60s:400,60s:400,30s:50 (0s:R jumps).")
    Optional<String> stages = Optional.empty();

    @Option(names = "--journeys", paramLabel = "MIX",
            description = "Weights of browse, login, write, read, account (default: browse=60,write=20,login=10,account=10, "
                    + "without the journeys the project cannot serve: write and read need a database or shards, "
                    + "account a main database).")
    Optional<String> journeys = Optional.empty();

    @Option(names = "--timeout", paramLabel = "T", defaultValue = "2s",
            description = "A request slower than this (from its scheduled start) fails (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice; printed, so a run can be repeated.")
    Optional<Long> seed = Optional.empty();

    @Option(names = "--users", paramLabel = "N", defaultValue = "50", description = "Simulated users u1..uN (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Unfinished journeys beyond which arrivals are dropped (default: 1.1 x rate x timeout, at least 64).")
    Optional<Integer> maxInFlight = Optional.empty();

    @Option(names = "--autoscale", description = "Run the project's autoscaler (web.autoscale in its topology) during"
            + " the load; its decisions are events of the run, drawn in the report with the replica count.")
    boolean autoscale;

    @Option(names = "--hypothesis", paramLabel = "NAME=EXPR", mapFallbackValue = "",
            description = "A hypothesis line, e.g. 'availability=>= 99%%' or 'p99=<= 500ms' (repeatable).")
    Map<String, String> hypothesis = new LinkedHashMap<>();

    @Mixin
    EngineChoice engineChoice;

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        // Everything the user typed is checked before anything is sent.
        double r = Options.rate(rate);
        Duration d = Options.duration("--duration", duration);
        Duration t = Options.duration("--timeout", timeout);
        LoadShape shape = shape(r, d);
        var run = runOptions.check();
        Optional<JourneyMix> asked;
        try {
            asked = journeys.map(JourneyMix::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--journeys: " + e.getMessage());
        }
        try {
            Hypothesis.parse(hypothesis);
        } catch (HypothesisException e) {
            throw new UsageException(String.join("\n  ", e.problems()));
        }
        if (!targets.isEmpty() && project.isPresent()) {
            throw new UsageException("give a project or --target URLs, not both");
        }
        if (!targets.isEmpty() && run.generators() > 1) {
            throw new UsageException("--generators sends from containers on a project's network: give a project, "
                    + "not --target URLs");
        }
        if (autoscale && !targets.isEmpty()) {
            throw new UsageException("--autoscale scales a project's web tier: give the project, not --target URLs");
        }
        String projectName = "";
        List<String> homes = List.of();
        List<URI> uris = new ArrayList<>();
        Serves serves = Serves.URLS; // URLs: what stands behind them is not known
        if (targets.isEmpty()) {
            try (var engine = engineChoice.connect()) {
                projectName = ProjectName.resolve(ProjectName.fromArgument(project), engine);
                serves = Journeys.of(engine, projectName);
                Journeys.choose(asked, serves, projectName); // refused before faults are undone or load is sent
                LeftoverFaults.undo(engine, projectName, err);
                uris.addAll(Balancers.of(engine, projectName));
                homes = Balancers.homes(engine, projectName);
            }
        } else {
            for (String target : targets) {
                uris.add(target(target));
            }
        }
        JourneyMix mix = Journeys.choose(asked, serves, projectName);
        Optional<dev.scaler.topology.Autoscale> policy = autoscale ? Optional.of(AutoscaleCommand.policy(projectName))
                : Optional.empty();
        long s = seed.orElseGet(() -> new SecureRandom().nextLong() & Long.MAX_VALUE);
        LoadSpec load;
        try {
            load = new LoadSpec(uris, shape, mix, t, s,
                    maxInFlight.orElse(LoadSpec.defaultMaxInFlight(shape.peak(), t)), users);
            load = load.withHomes(homes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }

        var store = new RunStore(StateDir.resolve().resolve("runs"));
        var measured = new MeasuredRun(store, out, ScalerCommand.display(spec));
        var setup = new MeasuredRun.Setup("load", "", projectName, load, run.warmup(), run.steadyState(), run.slo(),
                hypothesis, run.sampleInterval(), dev.scaler.report.Guards.NONE, run.generators());
        var alongside = AutoscaleAlongside.ifAny(policy, projectName, store, out, ScalerCommand.display(spec))
                .and(TaskMoves.ifSwarm(engineChoice, projectName, store));
        String id = MeasuredRun.newId();
        MeasuredRun.Outcome outcome;
        if (run.generators() == 1) {
            outcome = measured.run(id, setup, alongside);
        } else {
            if (engineChoice.swarm()) {
                throw new UsageException("--generators runs its containers on the local engine: not with --engine swarm"
                        + " yet");
            }
            try (var engine = engineChoice.connect()) {
                var generators = GeneratorContainers.plan(engine, projectName, id, load, run.generators(),
                        run.warmup(), store, out);
                outcome = measured.run(id, setup, alongside, generators);
            }
        }
        measured.print(outcome);
        return ExitCode.of(outcome.report());
    }

    /** The stages asked for, or the constant rate; stages with --rate or --duration is a usage error. */
    private LoadShape shape(double r, Duration d) {
        if (stages.isEmpty()) {
            return LoadShape.constant(r, d);
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--rate") || parsed.hasMatchedOption("--duration")) {
            throw new UsageException("give --rate and --duration, or --stages, not both: the stages say the rate over"
                    + " time and how long the load lasts");
        }
        try {
            return LoadShape.parse(stages.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--stages: " + e.getMessage());
        }
    }

    private static URI target(String text) {
        try {
            URI uri = URI.create(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target must be an http:// URL like http://127.0.0.1:8080/, not '" + text + "'");
        }
    }
}
