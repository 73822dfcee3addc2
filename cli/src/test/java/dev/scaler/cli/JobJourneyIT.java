package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The job journey on a real queue and worker (offline images): `scaler up` of a web replica, a database, one RabbitMQ
 * node and one worker, then `scaler load --journeys job=100`; the job ledger at the end has every confirmed job done
 * once, in time, and the report says so in every format.
 */
class JobJourneyIT extends ProjectIT {
    private static final String PROJECT = "qa-it-jobs";

    @Override
    String project() {
        return PROJECT;
    }

    @Test
    void everyConfirmedJobIsDoneOnceAndTheReportSaysSo() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, "name: " + PROJECT + "\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web: { replicas: 1, sessions: redis }\ncache: { kind: redis, replicas: 0, sentinels: 0 }\n"
                + "database: { kind: mariadb, replicas: 0, failover: manual }\nqueue: { nodes: 1 }\n"
                + "workers: { replicas: 1, prefetch: 10, concurrency: 2 }\n");
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        var load = Scaler.run("load", file.toString(), "--rate", "20", "--duration", "10s", "--users", "10",
                "--journeys", "job=100", "--seed", "5", "--hypothesis", "lostJobs=0", "--hypothesis", "duplicateJobs=0",
                "--hypothesis", "lateJobs=0", "--hypothesis", "jobLatencyP99=<= 2s", "--hypothesis", "availability=>= 99%");
        assertThat(load.code()).as(load.transcript()).isZero();
        assertThat(load.out()).contains("jobs ").contains("PASSED: every hypothesis line held (5)");

        var json = Scaler.run("report", "--format", "json");
        assertThat(json.code()).as(json.transcript()).isZero();
        var jobs = new ObjectMapper().readTree(json.out()).path("jobs");
        long confirmed = jobs.path("confirmed").asLong();
        assertThat(confirmed).isBetween(190L, 200L).isEqualTo(jobs.path("submitted").asLong());
        assertThat(jobs.path("done").asLong()).isEqualTo(confirmed);
        assertThat(jobs.path("lost").asLong()).isZero();
        assertThat(jobs.path("duplicates").asLong()).isZero();
        assertThat(jobs.path("latency").path("count").asLong()).isEqualTo(confirmed);

        // The default mix of a project with a queue and workers includes the job journey.
        var mixed = Scaler.run("load", file.toString(), "--rate", "20", "--duration", "2s", "--users", "10");
        assertThat(mixed.code()).as(mixed.transcript()).isZero();
        assertThat(mixed.out()).contains("job=10");

        // kill-workers, shortened: with every worker gone for 10 s users notice nothing and the queue keeps every job
        // (exit 0); the same run judged by `lateJobs 0` fails (exit 1): the outage is in the job ledger, so the
        // built-in's lines are judged on something that moved.
        Path killWorkers = dir.resolve("kill-workers.yaml");
        Files.writeString(killWorkers, """
                name: kill-workers
                load: { rate: 30/s, duration: 30s, journeys: { browse: 50, job: 50 }, timeout: 2s }
                steps:
                  - { at: 5s, kill: "workers[*]" }
                  - { at: 15s, restore: "workers[*]" }
                hypothesis: { availability: ">= 99%", lostJobs: 0, duplicateJobs: 0, backlogDrain: "<= 20s" }
                """);
        var guarded = ChaosOutcome.of(Scaler.run("chaos", killWorkers.toString(), PROJECT, "--seed", "5",
                "--warmup", "1s"));
        System.out.printf("JobJourneyIT kill-workers: %s, jobs %s%n", guarded.figures(), guarded.report().path("jobs"));
        assertThat(guarded.code()).as(guarded.transcript()).isEqualTo(ExitCode.OK);
        var jobsThen = guarded.report().path("jobs");
        assertThat(jobsThen.path("backlogPeak").asLong()).as("jobs waited while no worker ran").isGreaterThan(50);
        assertThat(jobsThen.path("late").asLong()).isPositive();
        var judged = Scaler.run("report", "--run", guarded.id(), "--hypothesis", "lateJobs=0");
        assertThat(judged.code()).as(judged.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
    }
}
