package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's job, apart from the queue: idempotent by job id, retried when the shard is down. */
class JobProcessorTest {
    private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.5Z");
    private static final String NOTE = "00000000-0000-0000-0000-000000000001";
    private static final String JOB = "10000000-0000-0000-0000-000000000001";

    private final InMemoryNoteTable notes = new InMemoryNoteTable("p");
    private final InMemoryJobTable jobs = new InMemoryJobTable();
    private final JobProcessor processor = new JobProcessor(List.of(new JobProcessor.Shard(notes, jobs)), user -> 0,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private byte[] submitted(String text) {
        notes.insert(new Note(NOTE, "alice", text, 1, NOW));
        jobs.insert(Job.queued(JOB, NOTE, "alice", NOW));
        return new JobMessage(JOB, NOTE, "alice").toJson();
    }

    @Test
    void storesTheDigestOnTheNotesShard() {
        byte[] message = submitted("one two  three\nfour");

        assertThat(processor.process(message)).isEqualTo(JobProcessor.Outcome.DONE);

        Job done = jobs.find(JOB).orElseThrow();
        assertThat(done.completions()).isEqualTo(1);
        assertThat(done.result().orElseThrow()).isEqualTo(new JobResult(NoteDigest.of("one two  three\nfour"), 1, NOW));
        assertThat(done.result().orElseThrow().digest().words()).isEqualTo(4);
    }

    @Test
    void aSecondDeliveryIsHarmless() {
        byte[] message = submitted("hello");
        processor.process(message);

        assertThat(processor.process(message)).isEqualTo(JobProcessor.Outcome.ALREADY_DONE);
        assertThat(jobs.find(JOB).orElseThrow().completions()).isEqualTo(1);
    }

    @Test
    void aShardThatDoesNotAnswerSendsTheJobBack() {
        byte[] message = submitted("hello");
        jobs.down(true);

        assertThat(processor.process(message)).isEqualTo(JobProcessor.Outcome.RETRY);
        jobs.down(false);
        assertThat(processor.process(message)).isEqualTo(JobProcessor.Outcome.DONE);
    }

    @Test
    void unknownJobsAndGarbageAreDropped() {
        submitted("hello");
        assertThat(processor.process(new JobMessage("20000000-0000-0000-0000-000000000002", NOTE, "alice").toJson()))
                .isEqualTo(JobProcessor.Outcome.DROPPED);
        // Someone else's name on a real job id changes nothing.
        assertThat(processor.process(new JobMessage(JOB, NOTE, "mallory").toJson())).isEqualTo(JobProcessor.Outcome.DROPPED);
        assertThat(processor.process("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(JobProcessor.Outcome.DROPPED);
        assertThat(jobs.find(JOB).orElseThrow().done()).isFalse();
    }
}
