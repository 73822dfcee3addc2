import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.engine.DockerEngine;
import dev.scaler.monitor.Sampler;
import dev.scaler.state.Secrets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the CPU of sampling goes, with no load running: SECONDS with nothing sampled, then SECONDS sampled every
 * second, measuring the CPU time of this process (the sampler, as `scaler load` runs it), of the project's containers
 * (their cgroups: the servers answering) and of the Docker daemons. Run by bench/sampler-cpu.sh; cgroup v1 or v2.
 *
 * <p>usage: java -cp cli/target/scaler.jar bench/SamplerCpu.java PROJECT STATE_DIR [SECONDS]
 */
public class SamplerCpu {
    public static void main(String[] args) throws Exception {
        String project = args[0];
        Path state = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (var engine = DockerEngine.connect()) {
            List<String> ids = engine.containers(Optional.of(project)).stream().map(c -> c.id()).toList();
            var idle = measure(ids, seconds, () -> () -> { });
            var rounds = new ArrayList<Long>();
            var sampled = measure(ids, seconds, () -> {
                var sampler = Sampler.start(() -> Targets.of(engine, project),
                        Collectors.forProject(Secrets.open(state, project)), Duration.ofSeconds(1),
                        s -> rounds.add(s.costMs()));
                return sampler::close;
            });
            System.out.printf("%d containers, %d s each; CPU milliseconds per second%n", ids.size(), seconds);
            System.out.printf("%-22s %10s %12s %16s%n", "", "sampler", "containers", "docker daemons");
            System.out.printf("%-22s %10.1f %12.1f %16.1f%n", "not sampled", idle[0], idle[1], idle[2]);
            System.out.printf("%-22s %10.1f %12.1f %16.1f%n", "sampled every second", sampled[0], sampled[1],
                    sampled[2]);
            System.out.printf("%-22s %10.1f %12.1f %16.1f%n", "cost of sampling", sampled[0] - idle[0],
                    sampled[1] - idle[1], sampled[2] - idle[2]);
            System.out.printf("one round (all containers read in parallel): median %d ms, max %d ms over %d rounds%n",
                    rounds.stream().sorted().toList().get(rounds.size() / 2),
                    rounds.stream().mapToLong(Long::longValue).max().orElse(0), rounds.size());
        }
    }

    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** CPU ms per second of this process, the containers and the daemons while {@code start} runs. */
    static double[] measure(List<String> ids, int seconds, java.util.function.Supplier<Running> start)
            throws Exception {
        long self0 = self();
        long cont0 = containers(ids);
        long dock0 = daemons();
        try (Running r = start.get()) {
            Thread.sleep(seconds * 1000L);
        }
        return new double[] {(self() - self0) / 1e6 / seconds, (containers(ids) - cont0) / 1e6 / seconds,
                (daemons() - dock0) * 10.0 / seconds};
    }

    static long self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Nanoseconds of CPU of the containers' cgroups. */
    static long containers(List<String> ids) throws Exception {
        long sum = 0;
        for (String id : ids) {
            Path v1 = Path.of("/sys/fs/cgroup/cpuacct/docker", id, "cpuacct.usage");
            Path v2 = Path.of("/sys/fs/cgroup/system.slice", "docker-" + id + ".scope", "cpu.stat");
            if (Files.exists(v1)) {
                sum += Long.parseLong(Files.readString(v1).strip());
            } else if (Files.exists(v2)) {
                for (String line : Files.readAllLines(v2)) {
                    if (line.startsWith("usage_usec ")) {
                        sum += Long.parseLong(line.substring(11).strip()) * 1000;
                    }
                }
            }
        }
        return sum;
    }

    /** Clock ticks (1/100 s) of dockerd, containerd and the shims, children included. */
    static long daemons() throws Exception {
        long sum = 0;
        try (var ps = Files.list(Path.of("/proc"))) {
            for (Path p : ps.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String comm = Files.readString(p.resolve("comm")).strip();
                    if (!(comm.equals("dockerd") || comm.equals("containerd") || comm.startsWith("containerd-shim"))) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // A process that ended while being read.
                }
            }
        }
        return sum;
    }
}
