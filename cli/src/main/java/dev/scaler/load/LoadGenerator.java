package dev.scaler.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-model load generator: arrivals are scheduled by the clock at the rate the spec's shape gives (the time
 * the integral of the rate reaches each arrival's number), each runs one journey on one of the client's event loops
 * (the schedule shared out among them), and latency is measured from the arrival's scheduled start (no coordinated
 * omission). An arrival that cannot start on time (later than the timeout, or with {@code maxInFlight} journeys
 * unfinished) is dropped and counted. The run ends by itself after the integral of the rate over the run's duration in arrivals.
 */
public final class LoadGenerator implements LoadSource {
    /** Parser buffers kept per thread (Jackson's default): journeys run on a few event loops, each reusing its own. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON_TYPE = "application/json";
    /** How long after its timeout a request is surely counted in its window. */
    static final Duration SETTLE_MARGIN = Duration.ofMillis(200);

    /** What the live line shows. */
    public record Live(double elapsedSeconds, long scheduled, long completed, long failed, long dropped, long inFlight,
            double p99Millis) {
    }

    private final LoadSpec spec;
    private final Http http;
    private final long timeoutNanos;
    private final AtomicInteger nextTarget = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong scheduledSoFar = new AtomicLong();
    private final ConcurrentLinkedQueue<LedgerEntry> ledger = new ConcurrentLinkedQueue<>();
    private final AtomicLong staleReads = new AtomicLong();
    private final Map<String, Boolean> lostSessionUsers = new ConcurrentHashMap<>();
    private final JobTracker jobs = new JobTracker();
    /**
     * How soon a waiting user first asks whether a job is done; each later ask waits twice as long, up to
     * {@link #JOB_POLL_MAX}, as a well-behaved client backs off. Job latency comes from the server's own timestamps,
     * so asking less often costs no accuracy; asking every 200 ms while the workers were down made 30 jobs/s into
     * 860 requests/s on the web tier, and the generator, not the fault, timed users out.
     */
    static final Duration JOB_POLL = Duration.ofMillis(200);
    /** The longest wait between two asks about one job. */
    static final Duration JOB_POLL_MAX = Duration.ofSeconds(2);
    /** At the end of a run, how long confirmed jobs not done yet are waited for before they count as lost. */
    static final Duration JOB_FINAL_WAIT = Duration.ofSeconds(30);
    private Duration jobFinalWait = JOB_FINAL_WAIT;
    private final User[] users;
    /** Per target, the paths every journey asks for, resolved once (URI.resolve parses and allocates each time). */
    private final List<Map<String, URI>> fixedPaths;
    private volatile boolean stop;
    private Duration warmUp = Duration.ZERO;
    private volatile long startNanos;
    private volatile Recording recording;
    private volatile Recording[] homeRecordings = new Recording[0];
    private volatile Recording assetRecording;
    private volatile List<URI> assets = List.of();
    private boolean pageAssets;
    /** One generator of several sends arrivals {@code share}, {@code share + shares}, ... of the one schedule. */
    private long share;
    private long shares = 1;
    /** Whether {@link #run} reads the ledger back itself; a generator of several leaves it to whoever merges. */
    private boolean verifies = true;
    /** Called once warm-up is over; returns the {@link System#nanoTime()} of second 0. */
    private java.util.function.LongSupplier secondZero = () -> System.nanoTime() + 1_000_000;
    private final AtomicInteger nextAsset = new AtomicInteger();
    private final java.util.concurrent.CompletableFuture<Long> started = new java.util.concurrent.CompletableFuture<>();

    /** A simulated user: a session cookie once logged in, and the highest acknowledged version of each own note. */
    static final class User {
        final String name;
        final int number;
        volatile String cookie;
        final Map<String, Long> acked = new ConcurrentHashMap<>();
        final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

        User(String name, int number) {
            this.name = name;
            this.number = number;
        }
    }

    public LoadGenerator(LoadSpec spec, Http http) {
        this.spec = spec;
        this.http = http;
        this.timeoutNanos = spec.timeout().toNanos();
        this.fixedPaths = spec.targets().stream().map(base -> Map.of("/", base.resolve("/"), "/whoami",
                base.resolve("/whoami"), "/me", base.resolve("/me"), "/login", base.resolve("/login"), "/notes",
                base.resolve("/notes"), "/jobs", base.resolve("/jobs"))).toList();
        this.users = new User[spec.users()];
        for (int i = 0; i < users.length; i++) {
            users[i] = new User("u" + (i + 1), i);
        }
    }

    /**
     * Simulates users u(first+1)..u(first+users) instead of u1..u(users): one generator of several, whose users are
     * not the others'.
     */
    public LoadGenerator firstUser(int first) {
        for (int i = 0; i < users.length; i++) {
            users[i] = new User("u" + (first + i + 1), first + i);
        }
        return this;
    }

    /**
     * Sends only every {@code of}-th arrival of the spec's schedule, starting with arrival {@code index} (from 0): n
     * generators with indexes 0..n-1 together send the schedule of one, at any load shape.
     */
    public LoadGenerator share(int index, int of) {
        if (of < 1 || index < 0 || index >= of) {
            throw new IllegalArgumentException("share " + index + " of " + of + " does not exist");
        }
        this.share = index;
        this.shares = of;
        return this;
    }

    /**
     * Leaves the ledger unread: the result's verification counts acknowledged writes, stale reads and lost sessions
     * only; {@link #verify} reads back the merged ledger of several generators as one.
     */
    public LoadGenerator leaveVerification() {
        this.verifies = false;
        return this;
    }

    /**
     * Waits, once warm-up is over, for {@code when} to say when second 0 is ({@link System#nanoTime()}): several
     * generators start on one clock.
     */
    public LoadGenerator startWhen(java.util.function.LongSupplier when) {
        this.secondZero = when;
        return this;
    }

    /**
     * Before the measured run: GET /whoami on every target at the run's rate (at most 500/s) for this long, not
     * recorded, so connections are open and the code is compiled when the clock starts. Zero (the default) skips it.
     */
    public LoadGenerator warmUp(Duration duration) {
        this.warmUp = duration;
        return this;
    }

    /**
     * Before the measured run, asks the home page once for the static assets it references, and has every browse
     * journey fetch one of them (counted apart: {@link LoadResult#assets()}). Off by default: a bare server under
     * test is then asked nothing it did not expect.
     */
    public LoadGenerator withPageAssets() {
        this.pageAssets = true;
        return this;
    }

    /** How long confirmed jobs not done at the end of the run are waited for before they count as lost. */
    public LoadGenerator jobFinalWait(Duration wait) {
        this.jobFinalWait = wait;
        return this;
    }

    /** Asks a running {@link #run} to schedule nothing more; journeys under way finish. */
    @Override
    public void stop() {
        stop = true;
    }

    /**
     * Completes with the {@link System#nanoTime()} of the run's second 0 once warm-up is over, so faults can be
     * scheduled on the same clock as the windows they are measured in.
     */
    @Override
    public java.util.concurrent.CompletableFuture<Long> started() {
        return started;
    }

    /** A snapshot for the live line; p99 of the latencies recorded since the previous call. */
    @Override
    public Live live() {
        Recording r = recording;
        if (r == null) {
            return new Live(0, 0, 0, 0, 0, 0, Double.NaN);
        }
        var h = r.interval();
        return new Live((System.nanoTime() - startNanos) / 1e9, scheduledSoFar.get(), r.completed.get(), r.failed.get(),
                r.dropped.get(), inFlight.get(), h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0);
    }

    /**
     * Window {@code second} as it stands once every request scheduled in it has ended (its end, plus the timeout
     * every request has, plus {@link #SETTLE_MARGIN} for the last answers to be counted); empty before, and for a
     * second the run does not have. For what watches a run as it goes; the run keeps recording.
     */
    @Override
    public java.util.Optional<Window> settled(int second) {
        Recording r = recording;
        if (r == null || second < 0 || second >= spec.windowCount()) {
            return java.util.Optional.empty();
        }
        long due = startNanos + (second + 1) * 1_000_000_000L + timeoutNanos + SETTLE_MARGIN.toNanos();
        return System.nanoTime() < due ? java.util.Optional.empty() : java.util.Optional.of(r.window(second));
    }

    /** Runs the whole load, waits for every journey, verifies the ledger against the primary, and returns the figures. */
    @Override
    public LoadResult run() throws InterruptedException {
        warm();
        assets = pageAssets ? pageAssets() : List.of();
        long zero = secondZero.getAsLong(); // by default a millisecond ahead, to get the first arrival out on time
        Instant startedAt = Instant.now().plusNanos(zero - System.nanoTime());
        startNanos = zero;
        recording = new Recording(startNanos, spec.windowCount(), spec.timeout());
        homeRecordings = new Recording[spec.homes().size()];
        for (int i = 0; i < homeRecordings.length; i++) {
            homeRecordings[i] = new Recording(startNanos, spec.windowCount(), spec.timeout());
        }
        assetRecording = new Recording(startNanos, spec.windowCount(), spec.timeout());
        started.complete(startNanos);
        var loops = http.loops();
        var schedules = new ArrayList<Schedule>();
        for (int k = 0; k < loops.size(); k++) {
            var schedule = new Schedule(loops.get(k), k, loops.size());
            schedules.add(schedule);
            loops.get(k).execute(schedule);
        }
        long lastScheduled = startNanos;
        for (Schedule schedule : schedules) {
            try {
                lastScheduled = Math.max(lastScheduled, schedule.done.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the arrival schedule failed", e.getCause());
            }
        }
        // Every request has its own timeout, so a journey (at most four requests) ends within 4 timeouts.
        long deadline = System.nanoTime() + 5 * timeoutNanos + 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        int reached = stop ? (int) ((lastScheduled - startNanos) / 1_000_000_000L) + 1 : Integer.MAX_VALUE;
        List<Window> windows = reachedOnly(recording.windows(), reached); // cut short: the windows the schedule reached
        List<Window> assetWindows = assets.isEmpty() ? List.of() : reachedOnly(assetRecording.windows(), reached);
        var homes = new java.util.LinkedHashMap<String, List<Window>>();
        for (int i = 0; i < homeRecordings.length; i++) {
            homes.put(spec.homes().get(i), reachedOnly(homeRecordings[i].windows(), reached));
        }
        List<LedgerEntry> entries = new ArrayList<>(ledger);
        entries.sort(java.util.Comparator.comparingDouble(LedgerEntry::at));
        Verification verification = verifies ? verify(entries, staleReads.get(), lostSessionUsers.keySet())
                : new Verification(entries.size(), 0, 0, List.of(), staleReads.get(), lostSessionUsers.size(),
                        List.copyOf(new java.util.TreeSet<>(lostSessionUsers.keySet())));
        if (spec.mix().weights().getOrDefault(Journey.JOB, 0) > 0) {
            verifyJobs();
            Verification v = verification;
            verification = new Verification(v.acknowledgedWrites(), v.notesChecked(), v.lostWrites(), v.lost(),
                    v.staleReads(), v.lostSessions(), v.lostSessionUsers(), jobs.figures(JobLedger.DEADLINE));
        }
        return new LoadResult(startedAt, seconds, windows, entries, verification, homes, assetWindows);
    }

    private static List<Window> reachedOnly(List<Window> windows, int reached) {
        return windows.subList(0, Math.min(windows.size(), reached));
    }

    /** Records a request, and again for the home of the user it was sent for, when users are kept at home. */
    private void sent(User user, long scheduled, long end, FailureKind failure) {
        recording.sent(scheduled, end, failure);
        if (homeRecordings.length > 0) {
            homeRecordings[user.number % homeRecordings.length].sent(scheduled, end, failure);
        }
    }

    private void warm() throws InterruptedException {
        double rate = Math.min(spec.rate() / shares, 500);
        long count = (long) (rate * warmUp.toNanos() / 1e9);
        var permits = new Semaphore(64);
        long start = System.nanoTime();
        for (long i = 0; i < count && !stop; i++) {
            long at = start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!permits.tryAcquire()) {
                continue;
            }
            // Sent on the event loops like the run's own requests; a warm-up answer, or its failure, does not count.
            http.exchange("GET", target(null, "/whoami"), null, null, null, spec.timeout())
                    .whenComplete((answer, failure) -> permits.release());
        }
        permits.tryAcquire(64, timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * The assets the home page references (through the CDN), asked once before the clock starts; none when the page
     * cannot be had or references none. Asked again (3 times at most) when it does not answer at all.
     */
    private List<URI> pageAssets() throws InterruptedException {
        for (int attempt = 0; attempt < 3 && !stop; attempt++) {
            try {
                var page = http.send("GET", target(null, "/"), null, null, null, spec.timeout());
                // Any answer is final: a server with no home page has no assets to fetch.
                return page.status() == 200 ? PageAssets.of(page.body()) : List.of();
            } catch (IOException | RuntimeException ignored) {
                // asked again below
            }
            Thread.sleep(200);
        }
        return List.of();
    }

    // ---- arrivals ---------------------------------------------------------------------------------------------

    /** At most this many late arrivals start in a row before the loop reads the answers waiting for it. */
    private static final int BATCH = 64;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * One event loop's part of the schedule: arrivals {@code share + shares * (slot + slots * n)}, each started on the
     * loop when it is due (the loop sleeps until then, so nothing is handed from thread to thread). Completes
     * {@link #done} with the last scheduled start once the schedule ends or the run is stopped.
     */
    private final class Schedule implements Runnable {
        final ScheduledExecutorService loop;
        final long step;
        final long arrivals = spec.arrivals();
        final LoadShape shape = spec.shape();
        final CompletableFuture<Long> done = new CompletableFuture<>();
        long next;
        long last = startNanos;

        Schedule(ScheduledExecutorService loop, int slot, int slots) {
            this.loop = loop;
            this.next = share + shares * slot;
            this.step = shares * slots;
        }

        @Override
        public void run() {
            try {
                for (int started = 0; started < BATCH; started++) {
                    if (stop || next >= arrivals) {
                        done.complete(last);
                        return;
                    }
                    long scheduled = startNanos + shape.offsetNanos(next);
                    long now = System.nanoTime();
                    if (scheduled > now) {
                        loop.schedule(this, scheduled - now, TimeUnit.NANOSECONDS);
                        return;
                    }
                    arrive(next, scheduled, now);
                    last = scheduled;
                    next += step;
                }
                loop.execute(this);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }
    }

    /**
     * Arrival {@code i}: its journey and user come from a random of its own (seeded by the run's seed and {@code i}),
     * so the same seed sends the same journeys however the schedule is shared among loops and generators.
     */
    private void arrive(long i, long scheduled, long now) {
        var random = new SplittableRandom(arrivalSeed(spec.seed(), i));
        Journey journey = spec.mix().pick(random.nextInt(spec.mix().total()));
        User user = users[random.nextInt(users.length)];
        scheduledSoFar.incrementAndGet();
        if (now - scheduled > timeoutNanos || inFlight.get() >= spec.maxInFlight()) {
            recording.dropped(scheduled);
            if (homeRecordings.length > 0) {
                homeRecordings[user.number % homeRecordings.length].dropped(scheduled);
            }
            return;
        }
        inFlight.incrementAndGet();
        CompletableFuture<?> ended;
        try {
            ended = journey(journey, user, scheduled, random);
        } catch (RuntimeException e) {
            ended = CompletableFuture.failedFuture(e);
        }
        ended.whenComplete((x, e) -> {
            inFlight.decrementAndGet();
            if (e != null) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        });
    }

    /** A seed per arrival: SplitMix64's finalizer over the run's seed and the arrival's number. */
    static long arrivalSeed(long seed, long i) {
        long z = seed ^ (i * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- journeys ---------------------------------------------------------------------------------------------
    // Each journey is a chain of requests on the event loop that started it: a step runs when the answer before it
    // arrives, and no thread waits in between.

    private CompletableFuture<Void> journey(Journey journey, User user, long scheduled, SplittableRandom random) {
        return switch (journey) {
            case BROWSE -> browse(user, scheduled);
            case LOGIN -> login(user, scheduled);
            case WRITE -> write(user, scheduled, random);
            case READ -> read(user, scheduled, random);
            case ACCOUNT -> account(user, scheduled);
            case JOB -> job(user, scheduled, random);
        };
    }

    private CompletableFuture<Void> browse(User user, long scheduled) {
        return send(user, scheduled, "GET", "/whoami", null, null, null).thenCompose(s -> {
            if (s.failure != null) {
                return DONE;
            }
            if (s.response.status() != 200) {
                record(user, s, Failures.ofStatus(s.response.status()));
                return DONE;
            }
            record(user, s, namesInstance(s.response.body()) ? null : FailureKind.CHECK);
            return asset(scheduled);
        });
    }

    /**
     * One of the page's assets, in turn, as the browser of a page view that misses its own cache fetches it: counted
     * apart from the pages (a page is available even when its stylesheet is not), in {@link LoadResult#assets()}.
     */
    private CompletableFuture<Void> asset(long scheduled) {
        List<URI> list = assets;
        if (list.isEmpty()) {
            return DONE;
        }
        URI uri = list.get(Math.floorMod(nextAsset.getAndIncrement(), list.size()));
        long left = timeoutNanos - (System.nanoTime() - scheduled);
        if (left <= 0) {
            assetRecording.sent(scheduled, System.nanoTime(), FailureKind.TIMEOUT);
            return DONE;
        }
        return http.exchange("GET", uri, null, null, null, Duration.ofNanos(left)).handle((response, e) -> {
            long end = System.nanoTime();
            FailureKind failure = e != null ? Failures.classify(io(e))
                    : response.status() != 200 ? Failures.ofStatus(response.status())
                    : response.body() == null || response.body().isEmpty() ? FailureKind.CHECK : null;
            assetRecording.sent(scheduled, end, end - scheduled > timeoutNanos ? FailureKind.TIMEOUT : failure);
            return (Void) null;
        });
    }

    /** What GET /me or /account said of the user. */
    private enum Named { YES, NO, SESSION_LOST }

    /** With a session: GET /me (a 401 is a lost session, then a new login); without: POST /login, then GET /me. */
    private CompletableFuture<Void> login(User user, long scheduled) {
        if (user.cookie == null) {
            return logInThenName(user, scheduled, "/me");
        }
        return named(user, scheduled, "/me").thenCompose(n -> n == Named.SESSION_LOST
                ? logInThenName(user, System.nanoTime(), "/me") : DONE);
    }

    /**
     * Signs in again (POST /login: the account is recorded on the main primary), then GET /account, which must name
     * the user: the journey of a returning user that depends on the main database.
     */
    private CompletableFuture<Void> account(User user, long scheduled) {
        return logInThenName(user, scheduled, "/account");
    }

    private CompletableFuture<Void> logInThenName(User user, long scheduled, String path) {
        return logIn(user, scheduled).thenCompose(ok -> ok ? named(user, System.nanoTime(), path).thenAccept(n -> { })
                : DONE);
    }

    /** GET {@code path} with the user's session (/me, /account): does the answer name the user? */
    private CompletableFuture<Named> named(User user, long scheduled, String path) {
        String cookie = user.cookie;
        return send(user, scheduled, "GET", path, null, null, cookie).thenApply(s -> {
            if (s.failure != null) {
                return Named.NO;
            }
            if (s.response.status() == 401) {
                record(user, s, FailureKind.CHECK);
                sessionLost(user, cookie);
                return Named.SESSION_LOST;
            }
            if (s.response.status() != 200) {
                record(user, s, Failures.ofStatus(s.response.status()));
                return Named.NO;
            }
            boolean same = user.name.equals(parse(s.response.body()).path("user").asText(null));
            record(user, s, same ? null : FailureKind.CHECK);
            return same ? Named.YES : Named.NO;
        });
    }

    private CompletableFuture<Boolean> logIn(User user, long scheduled) {
        return send(user, scheduled, "POST", "/login", FORM, "user=" + URLEncoder.encode(user.name, StandardCharsets.UTF_8),
                null).thenApply(s -> {
                    if (s.failure != null) {
                        return false;
                    }
                    if (s.response.status() != 200) {
                        record(user, s, Failures.ofStatus(s.response.status()));
                        return false;
                    }
                    String cookie = cookie(s.response);
                    boolean ok = cookie != null && user.name.equals(parse(s.response.body()).path("user").asText(null));
                    record(user, s, ok ? null : FailureKind.CHECK);
                    if (ok) {
                        user.cookie = cookie;
                    }
                    return ok;
                });
    }

    /**
     * Runs {@code then} with the user's session cookie and when to schedule its first request: at once with the
     * session the user has, after a login (which may fail, ending the journey) without one.
     */
    private CompletableFuture<Void> withSession(User user, long scheduled,
            java.util.function.BiFunction<String, Long, CompletableFuture<Void>> then) {
        String cookie = user.cookie;
        if (cookie != null) {
            return then.apply(cookie, scheduled);
        }
        return logIn(user, scheduled).thenCompose(ok -> ok && user.cookie != null
                ? then.apply(user.cookie, System.nanoTime()) : DONE);
    }

    private CompletableFuture<Void> write(User user, long scheduled, SplittableRandom random) {
        return withSession(user, scheduled, (cookie, at) -> writeNote(user, cookie, at, random));
    }

    private CompletableFuture<Void> writeNote(User user, String cookie, long scheduled, SplittableRandom random) {
        List<String> own = user.notes;
        boolean update = !own.isEmpty() && random.nextInt(10) < 3;
        String text = "note by " + user.name + " #" + Long.toHexString(random.nextLong() & 0xffffffL);
        String body = JsonNodeFactory.instance.objectNode().put("text", text).toString();
        String id = update ? own.get(random.nextInt(own.size())) : null;
        var sending = update ? send(user, scheduled, "PUT", "/notes/" + id, JSON_TYPE, body, cookie)
                : send(user, scheduled, "POST", "/notes", JSON_TYPE, body, cookie);
        return sending.thenCompose(s -> {
            if (s.failure != null) {
                return DONE;
            }
            int expected = update ? 200 : 201;
            if (s.response.status() != expected) {
                if (s.response.status() == 401) {
                    sessionLost(user, cookie);
                }
                record(user, s, s.response.status() == 401 ? FailureKind.CHECK : Failures.ofStatus(s.response.status()));
                return DONE;
            }
            JsonNode answer = parse(s.response.body());
            String ackedId = answer.path("id").isMissingNode() || answer.path("id").isNull() ? null
                    : answer.path("id").asText();
            long version = answer.path("version").asLong(-1);
            if (ackedId == null || version < 1 || (update && !ackedId.equals(id))) {
                record(user, s, FailureKind.CHECK);
                return DONE;
            }
            record(user, s, null);
            ledger.add(new LedgerEntry(user.name, ackedId, version, (s.end - startNanos) / 1e9));
            user.acked.merge(ackedId, version, Math::max);
            if (!update) {
                user.notes.add(ackedId);
            }
            return readNote(user, ackedId, System.nanoTime());
        });
    }

    private CompletableFuture<Void> read(User user, long scheduled, SplittableRandom random) {
        List<String> own = user.notes;
        if (!own.isEmpty()) {
            return readNote(user, own.get(random.nextInt(own.size())), scheduled);
        }
        return withSession(user, scheduled, (cookie, at) -> send(user, at, "GET", "/notes", null, null, cookie)
                .thenAccept(s -> {
                    if (s.failure != null) {
                        return;
                    }
                    if (s.response.status() != 200) {
                        if (s.response.status() == 401) {
                            sessionLost(user, cookie);
                        }
                        record(user, s, Failures.ofStatus(s.response.status()));
                        return;
                    }
                    record(user, s, parse(s.response.body()).path("notes").isArray() ? null : FailureKind.CHECK);
                }));
    }

    /** GET /notes/{id}: a version below what the user already had acknowledged is a stale read. */
    private CompletableFuture<Void> readNote(User user, String id, long scheduled) {
        String cookie = user.cookie;
        long acknowledged = user.acked.getOrDefault(id, 0L);
        return send(user, scheduled, "GET", "/notes/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, null, cookie)
                .thenAccept(s -> {
                    if (s.failure != null) {
                        return;
                    }
                    if (s.response.status() != 200) {
                        if (s.response.status() == 401 && cookie != null) {
                            sessionLost(user, cookie);
                        }
                        record(user, s, s.response.status() == 401 ? FailureKind.CHECK
                                : Failures.ofStatus(s.response.status()));
                        return;
                    }
                    long version = parse(s.response.body()).path("version").asLong(-1);
                    if (version < acknowledged) {
                        staleReads.incrementAndGet();
                    }
                    record(user, s, version >= acknowledged && version >= 1 ? null : FailureKind.CHECK);
                });
    }

    /**
     * POST /jobs for one of the user's notes (written first when there is none): 202 with the job's id is a success and
     * goes into the job ledger; then a poller of its own (not an arrival's request, not counted in the windows) asks
     * GET /jobs/{id} until done or {@link JobLedger#DEADLINE}.
     */
    private CompletableFuture<Void> job(User user, long scheduled, SplittableRandom random) {
        if (user.notes.isEmpty()) {
            return write(user, scheduled, random).thenCompose(x -> user.notes.isEmpty() || user.cookie == null ? DONE
                    : submitJob(user, user.cookie, System.nanoTime(), random));
        }
        return withSession(user, scheduled, (cookie, at) -> submitJob(user, cookie, at, random));
    }

    private CompletableFuture<Void> submitJob(User user, String cookie, long scheduled, SplittableRandom random) {
        String note = user.notes.get(random.nextInt(user.notes.size()));
        jobs.submitted();
        return send(user, scheduled, "POST", "/jobs", JSON_TYPE,
                JsonNodeFactory.instance.objectNode().put("note", note).toString(), cookie).thenAccept(s -> {
                    if (s.failure != null) {
                        return;
                    }
                    if (s.response.status() != 202) {
                        if (s.response.status() == 401) {
                            sessionLost(user, cookie);
                        }
                        record(user, s, s.response.status() == 401 ? FailureKind.CHECK
                                : Failures.ofStatus(s.response.status()));
                        return;
                    }
                    String id = parse(s.response.body()).path("id").asText("");
                    if (id.isEmpty()) {
                        record(user, s, FailureKind.CHECK);
                        return;
                    }
                    record(user, s, null);
                    JobTracker.Tracked tracked = jobs.confirmed(id, user.name, (s.end - startNanos) / 1e9);
                    long until = s.end + JobLedger.DEADLINE.toNanos();
                    // Polling sleeps between asks: a virtual thread of its own, not the loop.
                    Thread.ofVirtual().start(() -> {
                        try {
                            awaitJob(tracked, user, until);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                });
    }

    /** Asks GET /jobs/{id}, backing off from {@link #JOB_POLL}, until the job is done or {@code until} (nanoTime) passes. */
    private boolean awaitJob(JobTracker.Tracked tracked, User user, long until) throws InterruptedException {
        Duration wait = JOB_POLL;
        while (true) {
            if (readJob(tracked, user)) {
                return true;
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Never past the deadline: what is not done by then is left to the check at the end of the run.
            Thread.sleep(Duration.ofNanos(Math.min(wait.toNanos(), left)));
            wait = pollAfter(wait);
        }
    }

    /** The wait before the next ask about a job: twice the last, at most {@link #JOB_POLL_MAX}. */
    static Duration pollAfter(Duration last) {
        Duration twice = last.multipliedBy(2);
        return twice.compareTo(JOB_POLL_MAX) > 0 ? JOB_POLL_MAX : twice;
    }

    /** One GET /jobs/{id} as the job's user (logging in again when the session is gone); true when it says done. */
    private boolean readJob(JobTracker.Tracked tracked, User user) throws InterruptedException {
        try {
            String cookie = user.cookie;
            if (cookie == null && logInQuietly(user)) {
                cookie = user.cookie;
            }
            var r = http.send("GET", target(user, "/jobs/" + URLEncoder.encode(tracked.id, StandardCharsets.UTF_8)), null,
                    null, cookie, spec.timeout());
            if (r.status() == 401) {
                user.cookie = null;
                return false;
            }
            return r.status() == 200 && JobTracker.read(tracked, parse(r.body()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The job ledger's end: every confirmed job is read once more (a job done twice shows its completions then), and
     * those not done yet are waited for ({@link #JOB_FINAL_WAIT} unless set otherwise), before they count as lost.
     */
    private void verifyJobs() throws InterruptedException {
        long until = System.nanoTime() + jobFinalWait.toNanos();
        var permits = new Semaphore(16);
        var threads = new ArrayList<Thread>();
        for (JobTracker.Tracked t : jobs.all()) {
            User user = users[Integer.parseInt(t.user.substring(1)) - 1]; // users are named u1, u2, ... in order
            permits.acquire();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    awaitJob(t, user, until);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    permits.release();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void sessionLost(User user, String cookie) {
        lostSessionUsers.put(user.name, Boolean.TRUE);
        if (cookie != null && cookie.equals(user.cookie)) {
            user.cookie = null;
        }
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    /** A request that was sent: its answer, or the failure it already recorded. */
    private record Sent(long scheduled, long end, Http.Response response, FailureKind failure) {
    }

    /** Where {@code path} is asked for {@code user} (null: nobody's): its home with homes, else the targets in turn. */
    private URI target(User user, String path) {
        List<URI> targets = spec.targets();
        int next = user != null && !spec.homes().isEmpty() ? user.number : nextTarget.getAndIncrement();
        int i = Math.floorMod(next, targets.size());
        URI fixed = fixedPaths.get(i).get(path);
        return fixed != null ? fixed : targets.get(i).resolve(path);
    }

    /** Sends a request scheduled at {@code scheduled}; a connection failure or timeout is recorded here. */
    private CompletableFuture<Sent> send(User user, long scheduled, String method, String path, String contentType,
            String body, String cookie) {
        long left = timeoutNanos - (System.nanoTime() - scheduled);
        if (left <= 0) {
            long now = System.nanoTime();
            sent(user, scheduled, now, FailureKind.TIMEOUT);
            return CompletableFuture.completedFuture(new Sent(scheduled, now, null, FailureKind.TIMEOUT));
        }
        return http.exchange(method, target(user, path), contentType, body, cookie, Duration.ofNanos(left))
                .handle((response, e) -> {
                    long now = System.nanoTime();
                    if (e == null) {
                        return new Sent(scheduled, now, response, null);
                    }
                    FailureKind kind = Failures.classify(io(e));
                    sent(user, scheduled, now, kind);
                    return new Sent(scheduled, now, null, kind);
                });
    }

    private static IOException io(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof IOException io ? io : new IOException(t);
    }

    /** Records an answered request: a success when {@code failure} is null and it came within the timeout. */
    private void record(User user, Sent s, FailureKind failure) {
        FailureKind kind = s.end - s.scheduled > timeoutNanos ? FailureKind.TIMEOUT : failure;
        sent(user, s.scheduled, s.end, kind);
    }

    /**
     * Whether {@code body} is a JSON object whose "instance" is a string: the browse check, read as a stream (no tree
     * for the one answer every generator sends most).
     */
    static boolean namesInstance(String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        try (var p = JSON.getFactory().createParser(body)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return false;
            }
            boolean named = false;
            for (var t = p.nextToken(); t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean instance = "instance".equals(p.currentName());
                var value = p.nextToken();
                if (instance) {
                    named = value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING; // the last one counts, as in a tree
                }
                p.skipChildren();
            }
            return named && p.currentToken() == com.fasterxml.jackson.core.JsonToken.END_OBJECT;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JsonNodeFactory.instance.missingNode() : node;
        } catch (IOException e) {
            return JsonNodeFactory.instance.missingNode();
        }
    }

    private static String cookie(Http.Response response) {
        var parts = new ArrayList<String>();
        for (String header : response.headers("set-cookie")) {
            String pair = header.split(";", 2)[0].strip();
            if (pair.contains("=") && !pair.endsWith("=")) {
                parts.add(pair);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    // ---- verification -----------------------------------------------------------------------------------------

    /**
     * Reads every note of the ledger back from the primary (the latest acknowledged version of each); the stale reads
     * and lost sessions seen while sending are passed through.
     */
    public Verification verify(List<LedgerEntry> entries, long stale, java.util.Collection<String> lostSessions)
            throws InterruptedException {
        var latest = new TreeMap<String, LedgerEntry>();
        for (LedgerEntry e : entries) {
            latest.merge(e.id(), e, (a, b) -> b.version() > a.version() ? b : a);
        }
        var lost = new ConcurrentLinkedQueue<LostWrite>();
        var permits = new Semaphore(16);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var threads = new ArrayList<Thread>();
        for (LedgerEntry e : latest.values()) {
            permits.acquire();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    LostWrite l = verifyOne(e, deadline);
                    if (l != null) {
                        lost.add(l);
                    }
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                } finally {
                    permits.release();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        var lostList = new ArrayList<>(lost);
        lostList.sort(java.util.Comparator.comparing(LostWrite::id));
        var sessionUsers = new ArrayList<>(new java.util.TreeSet<>(lostSessions));
        return new Verification(entries.size(), latest.size(), lostList.size(), lostList, stale, sessionUsers.size(),
                sessionUsers);
    }

    /** Reads one note from the primary (three tries); null when the acknowledged version is there. */
    private LostWrite verifyOne(LedgerEntry e, long deadline) throws InterruptedException {
        User user = null;
        for (User u : users) {
            if (u.name.equals(e.user())) {
                user = u;
            }
        }
        for (int attempt = 0; attempt < 3 && System.nanoTime() < deadline; attempt++) {
            if (attempt > 0) {
                Thread.sleep(200);
            }
            try {
                String cookie = user == null ? null : user.cookie;
                if (user != null && cookie == null && logInQuietly(user)) {
                    cookie = user.cookie;
                }
                var r = http.send("GET", target(user, "/notes/" + URLEncoder.encode(e.id(), StandardCharsets.UTF_8)
                        + "?consistency=primary"), null, null, cookie, spec.timeout());
                if (r.status() == 404) {
                    return new LostWrite(e.user(), e.id(), e.version(), 0, "missing");
                }
                if (r.status() == 401 && user != null) {
                    user.cookie = null;
                    continue;
                }
                if (r.status() == 200) {
                    long version = parse(r.body()).path("version").asLong(-1);
                    return version >= e.version() ? null : new LostWrite(e.user(), e.id(), e.version(), version, "older");
                }
            } catch (IOException ignored) {
                // tried again below
            }
        }
        return new LostWrite(e.user(), e.id(), e.version(), -1, "unreadable");
    }

    private boolean logInQuietly(User user) throws InterruptedException {
        try {
            var r = http.send("POST", target(user, "/login"), FORM, "user=" + URLEncoder.encode(user.name, StandardCharsets.UTF_8),
                    null, spec.timeout());
            String cookie = r.status() == 200 ? cookie(r) : null;
            if (cookie != null) {
                user.cookie = cookie;
            }
            return cookie != null;
        } catch (IOException e) {
            return false;
        }
    }
}
