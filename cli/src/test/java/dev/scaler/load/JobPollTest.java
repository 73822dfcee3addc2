package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class JobPollTest {
    @Test
    void aWaitingUserBacksOffFrom200msTo2sSoAJobNeverDoneCostsNineAsksInItsDeadline() {
        var waits = new ArrayList<Duration>();
        Duration wait = LoadGenerator.JOB_POLL;
        for (int i = 0; i < 6; i++) {
            waits.add(wait);
            wait = LoadGenerator.pollAfter(wait);
        }
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofSeconds(2), Duration.ofSeconds(2));
        // Asks within the 10 s deadline: one at once, then one after each wait until the deadline is reached.
        long asks = 1;
        Duration spent = Duration.ZERO;
        wait = LoadGenerator.JOB_POLL;
        while (spent.compareTo(JobLedger.DEADLINE) < 0) {
            spent = spent.plus(wait);
            asks++;
            wait = LoadGenerator.pollAfter(wait);
        }
        assertThat(asks).isEqualTo(9); // at 200 ms per ask, as before, it was 50
    }
}
