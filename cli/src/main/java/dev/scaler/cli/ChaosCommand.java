package dev.scaler.cli;

import dev.scaler.chaos.ChaosRun;
import dev.scaler.chaos.ChaosScript;
import dev.scaler.chaos.DryRun;
import dev.scaler.chaos.Experiment;
import dev.scaler.chaos.Gameday;
import dev.scaler.chaos.Journal;
import dev.scaler.chaos.Leftovers;
import dev.scaler.chaos.Load;
import dev.scaler.chaos.Needs;
import dev.scaler.chaos.Observe;
import dev.scaler.chaos.ProjectProxies;
import dev.scaler.chaos.Targets;
import dev.scaler.chaos.Watch;
import dev.scaler.load.LoadGenerator;
import dev.scaler.load.Window;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.files.InputFile;
import dev.scaler.load.LoadSpec;
import dev.scaler.report.Event;
import dev.scaler.report.Hypothesis;
import dev.scaler.report.HypothesisException;
import dev.scaler.state.RunStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.scaler.chaos.NodeFaults;
import dev.scaler.nodes.NodeHost;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler chaos`: an experiment under load, with rollback that always runs; stored as a run for `scaler report`. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a chaos experiment: load starts, faults are injected on schedule and always rolled back, "
                + "the hypothesis is judged, and the run is stored for `scaler report`.",
        footer = {"", "Examples:", "  scaler chaos kill-primary", "  scaler chaos cache-latency topologies/starter.yaml",
                "  scaler chaos kill-web --dry-run", "  scaler chaos chaos-scripts/my-test.yaml --seed 42",
                "  scaler chaos gameday", "",
                "EXPERIMENT is a file, chaos-scripts/NAME.yaml here, or a built-in: kill-primary, kill-web, kill-cache,",
                "cache-latency, db-latency, partition-shard, kill-shard-primary, lb-restart, cdn-origin-down,",
                "dc-partition, gameday.", "",
                "Exit codes: 0 every hypothesis line held, 1 a line failed, 2 bad experiment or arguments,",
                "3 environment (Docker, a step that could not be carried out), 4 interrupted (faults undone)."})
final class ChaosCommand implements Callable<Integer> {
    /** How long a run with node faults waits after its end for the swarm to be whole (a leader, every node Ready). */
    private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(60);

    @Parameters(index = "0", paramLabel = "EXPERIMENT", completionCandidates = ExperimentNames.class,
            description = "An experiment file, a name from chaos-scripts/, or a built-in.")
    String experiment;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|PROJECT",
            description = "The topology file or project to break; optional when exactly one project runs.")
    Optional<String> target = Optional.empty();

    @Option(names = "--project", paramLabel = "NAME", description = "The project, by name.")
    Optional<String> project = Optional.empty();

    @Option(names = "--autoscale", description = "Run the project's autoscaler (web.autoscale in its topology) during"
            + " the experiment; its decisions are events of the run, drawn in the report with the replica count.")
    boolean autoscale;

    @Option(names = "--dry-run", description = "Print the schedule with its targets resolved now; inject nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Of --dry-run: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (targets and load); printed.")
    Optional<Long> seed = Optional.empty();

    @Mixin
    EngineChoice engineChoice;

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Spec
    CommandSpec spec;

    /** Names for shell completion. */
    static final class ExperimentNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ChaosScripts.names().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ChaosScript script = ChaosScripts.find(experiment);
        Format fmt = format;
        var options = runOptions.check();
        if (project.isPresent() && target.isPresent()) {
            throw new UsageException("give the project as FILE|PROJECT or as --project, not both");
        }
        Optional<Path> topologyFile = target.map(Path::of).filter(Files::isRegularFile);
        var topology = topologyFile.isPresent() ? Optional.of(InputFile.topology(topologyFile.get()))
                : Optional.<dev.scaler.topology.Topology>empty();
        long s = seed.orElseGet(() -> new SecureRandom().nextLong() & Long.MAX_VALUE);
        try (var engine = engineChoice.connect()) {
            String name = ProjectName.resolve(project.isPresent() ? project : ProjectName.fromArgument(target), engine);
            if (script instanceof Experiment e) {
                // As `scaler load --journeys`: refused before faults are undone, load is sent or anything is injected,
                // in a dry run too.
                Journeys.refuseUnserved(e, Journeys.of(engine, name), name);
            }
            if (LeftoverFaults.undo(engine, name, err) instanceof Leftovers.Running r) {
                throw new EngineException("an experiment (run " + r.owner().run() + ", pid " + r.owner().pid()
                        + ") is already running on " + name, "wait for it, or stop it with Ctrl-C (its faults are undone)");
            }
            var context = new Context(engine, name, topology, options, out, err, ScalerCommand.display(spec));
            return switch (script) {
                case Experiment e when dryRun -> dryRun(context, e, s, fmt);
                case Experiment e -> single(context, e, s);
                case Gameday g -> new GamedayRun(this::runOne, context, s, dryRun).run(g);
            };
        }
    }

    /** What every experiment of one command shares. */
    record Context(Engine engine, String project, Optional<dev.scaler.topology.Topology> topology,
            RunOptions.Checked options, PrintWriter out, PrintWriter err, OutputStyle display) {
    }

    /** The outcome of one experiment run: its run id (empty when it did not run), exit code and report line. */
    record Result(String experiment, Optional<String> run, int exitCode, Optional<dev.scaler.report.Report> report,
            String note) {
    }

    private int dryRun(Context c, Experiment e, long s, Format fmt) {
        var proxies = ProjectProxies.open(c.engine(), c.project());
        try {
            var snapshot = Observe.snapshot(c.engine(), c.project(), Observe.ROLE_TIERS, proxies);
            DryRun dry = DryRun.of(e, Optional.of(snapshot), s);
            c.out().print(fmt == Format.JSON ? Json.write(dry) + "\n" : dry.text());
            // The code the real run would end with, so CI can use a dry run as a check: a topology that lacks what
            // the experiment needs is bad input (2), a step that names nothing on the running project is the
            // environment (3).
            var unmet = unmet(c, e);
            if (unmet.isPresent()) {
                c.err().println("scaler: " + e.name() + " cannot run on " + c.project() + ": it needs " + unmet.get());
                return ExitCode.BAD_INPUT;
            }
            var notNow = dry.notNow();
            if (notNow.isPresent()) {
                c.err().println("scaler: " + e.name() + " cannot run on " + c.project() + " now: " + notNow.get());
                return ExitCode.ENVIRONMENT;
            }
            return ExitCode.OK;
        } finally {
            proxies.ifPresent(f -> f.close());
        }
    }

    private int single(Context c, Experiment e, long s) throws Exception {
        var unmet = unmet(c, e);
        if (unmet.isPresent()) {
            throw new UsageException(e.name() + " cannot run on " + c.project() + ": it needs " + unmet.get());
        }
        var cannot = cannotRun(c, e, s);
        if (cannot.isPresent()) {
            throw new EngineException(e.name() + " cannot run on " + c.project() + " now: " + cannot.get(),
                    "`scaler chaos " + experiment + " --dry-run` shows what each step resolves to");
        }
        Result result = runOne(c, e, s);
        return result.exitCode();
    }

    /** What the experiment needs that the topology file lacks (checked only when a file was given). */
    static Optional<String> unmet(Context c, Experiment e) {
        return c.topology().map(t -> Needs.unmet(e, t)).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l));
    }

    /**
     * Why the experiment cannot run on this project now: what the topology lacks, a journey the project cannot serve,
     * or a step that resolves to nothing.
     */
    static Optional<String> cannotRun(Context context, Experiment e, long seed) {
        var unmet = ChaosCommand.unmet(context, e);
        if (unmet.isPresent()) {
            return Optional.of("needs " + unmet.get());
        }
        var unserved = Journeys.unservedBy(e, Journeys.of(context.engine(), context.project()), context.project());
        if (unserved.isPresent()) {
            return unserved;
        }
        var proxies = ProjectProxies.open(context.engine(), context.project());
        try {
            var snapshot = Observe.snapshot(context.engine(), context.project(), Observe.ROLE_TIERS, proxies);
            return DryRun.of(e, Optional.of(snapshot), seed).notNow();
        } finally {
            proxies.ifPresent(f -> f.close());
        }
    }

    /** Runs one experiment under load, prints its report, and says what the exit code is. */
    Result runOne(Context c, Experiment e, long s) throws Exception {
        try {
            Hypothesis.parse(e.hypothesis());
        } catch (HypothesisException x) {
            throw new UsageException(String.join("\n  ", x.problems()));
        }
        var uris = Balancers.of(c.engine(), c.project());
        var homes = Balancers.homes(c.engine(), c.project());
        var store = new RunStore(StateDir.resolve().resolve("runs"));
        var journal = Journal.of(StateDir.resolve(), c.project());
        var proxies = ProjectProxies.open(c.engine(), c.project());
        // Node actions act on the cluster --cluster names, else the only one here; resolved before the journal begins,
        // so a missing one changes nothing.
        var cluster = ClusterCommand.nodeHost(e);
        Optional<NodeFaults> nodeFaults;
        try {
            nodeFaults = cluster.map(h -> new NodeFaults(h, ClusterCommand.resolve(engineChoice.cluster, h),
                    Targets.random(s)));
        } catch (RuntimeException noCluster) {
            proxies.ifPresent(f -> f.close());
            cluster.ifPresent(NodeHost::close);
            throw noCluster;
        }
        String id = MeasuredRun.newId();
        journal.begin(Journal.Owner.current(id));
        var listener = new ChaosRun.Listener() {
            @Override
            public synchronized void event(Event event) {
                store.append(id, event);
            }

            @Override
            public synchronized void injection(ChaosRun.Injection injection) {
                store.appendLine(id, RunStore.INJECTIONS, injection);
            }

            @Override
            public synchronized void say(String line) {
                synchronized (c.out()) {
                    // On a terminal the live line is being rewritten in place: clear it, so this line stands alone.
                    c.out().println((c.display().live() ? "\r\u001b[K" : "") + line);
                    c.out().flush();
                }
            }
        };
        var run = new ChaosRun(e, c.project(), c.engine(), proxies, nodeFaults, journal, Targets.random(s), listener);
        run.prime();
        var watching = new java.util.concurrent.atomic.AtomicReference<Watch>();
        var alongside = new MeasuredRun.Alongside() {
            @Override
            public void run(long zeroNanos, String runId, dev.scaler.load.LoadSource load) {
                var watch = new Watch(e, run, new Watch.Load() {
                    @Override
                    public Optional<Window> settled(int second) {
                        return load.settled(second);
                    }

                    @Override
                    public void stop() {
                        load.stop();
                    }
                }, listener);
                watching.set(watch);
                Thread guard = Thread.ofPlatform().name("scaler-guardrails").start(() -> watch.run(zeroNanos));
                try {
                    run.run(zeroNanos);
                } finally {
                    run.rollBack();
                    if (journal.read().pending().isEmpty()) {
                        journal.end();
                    }
                    joinQuietly(guard);
                }
            }

            @Override
            public void stop() {
                run.stop();
                var watch = watching.get();
                if (watch != null) {
                    watch.stop();
                }
            }
        };
        MeasuredRun.Outcome outcome;
        try {
            var measured = new MeasuredRun(store, c.out(), c.display());
            var load = loadSpec(e.load(), uris, s).withHomes(homes);
            var setup = new MeasuredRun.Setup("chaos", e.name(), c.project(), load, c.options().warmup(),
                    c.options().steadyState(), c.options().slo(), e.hypothesis(), c.options().sampleInterval(),
                    e.guards(), c.options().generators());
            var all = alongside.and(AutoscaleAlongside.ifAny(autoscale ? Optional.of(AutoscaleCommand.policy(
                    c.project())) : Optional.empty(), c.project(), store, c.out(), c.display()))
                    .and(TaskMoves.ifSwarm(engineChoice, c.project(), store));
            outcome = c.options().generators() == 1 ? measured.run(id, setup, all)
                    : measured.run(id, setup, all, GeneratorContainers.plan(c.engine(), c.project(), id, load,
                            c.options().generators(), c.options().warmup(), store, c.out()));
            measured.print(outcome);
            nodeFaults.filter(n -> e.steps().stream().anyMatch(st -> st.action() instanceof dev.scaler.chaos.NodeAction))
                    .ifPresent(n -> {
                        long t0 = System.nanoTime();
                        n.awaitWhole(SETTLE).ifPresentOrElse(m -> c.err().println("scaler: warning: the swarm was"
                                + " not whole " + SETTLE.toSeconds() + " s after the run (" + m
                                + "); see scaler cluster status"), () -> c.out().printf(java.util.Locale.ROOT,
                                "the swarm is whole again (a leader, every node ready) %.1f s after the run%n",
                                (System.nanoTime() - t0) / 1e9));
                    });
        } finally {
            // The load may never have started (warm-up failed): the journal then holds only the begin line.
            if (journal.read().pending().isEmpty()) {
                journal.end();
            }
            proxies.ifPresent(f -> f.close());
            cluster.ifPresent(NodeHost::close);
        }
        var problems = new ArrayList<>(run.problems());
        problems.forEach(p -> c.err().println("scaler: " + p));
        c.err().flush();
        int code = !problems.isEmpty() ? ExitCode.ENVIRONMENT : ExitCode.of(outcome.report());
        return new Result(e.name(), Optional.of(id), code, Optional.of(outcome.report()),
                problems.isEmpty() ? "" : problems.get(0));
    }

    /**
     * Waits for the guardrails' thread: it ends within a poll once the load has stopped, or after the cooldown that
     * follows an abort (the load is already over, so it is not held up).
     */
    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
    }

    /** How a gameday runs one experiment: the same as `scaler chaos NAME`. */
    interface RunOne {
        Result run(Context c, Experiment e, long seed) throws Exception;
    }

    /** What the load generator needs for an experiment's load, once the targets and the seed are known. */
    static LoadSpec loadSpec(Load load, List<URI> targets, long seed) {
        return new LoadSpec(targets, load.shape(), load.journeys(), load.timeout(), seed,
                LoadSpec.defaultMaxInFlight(load.rate(), load.timeout()), load.users());
    }
}
