package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connection permits: first come first served, and a waiter that gives up takes nothing with it. */
class FifoPermitsTest {

    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }

    @Test
    void waitersGetReleasedPermitsInTheOrderTheyCame() throws Exception {
        var permits = new FifoPermits(1);
        assertThat(permits.acquire(0)).isTrue();
        List<Integer> order = new CopyOnWriteArrayList<>();
        var threads = new java.util.ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    if (permits.acquire(TimeUnit.SECONDS.toNanos(10))) {
                        order.add(n);
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            awaitWaiting(t); // queued before the next one comes
            threads.add(t);
        }
        permits.release();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aWaiterThatGivesUpLeavesThePermitsAsTheyWere() throws Exception {
        var permits = new FifoPermits(2);
        assertThat(permits.acquire(0)).isTrue();
        assertThat(permits.acquire(0)).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(permits.acquire(1000)).isFalse(); // none free: each gives up after a microsecond
        }
        permits.release();
        assertThat(permits.acquire(0)).isTrue();
        assertThat(permits.acquire(0)).as("only the one released").isFalse();
        permits.release();
        permits.release();
        assertThat(permits.acquire(0)).isTrue();
        assertThat(permits.acquire(0)).isTrue();
        assertThat(permits.acquire(0)).isFalse();
    }

    @Test
    void anInterruptedWaiterThrowsAndTakesNoPermit() throws Exception {
        var permits = new FifoPermits(1);
        assertThat(permits.acquire(0)).isTrue();
        var caught = new CopyOnWriteArrayList<Throwable>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                permits.acquire(TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                caught.add(e);
            }
        });
        awaitWaiting(t);
        t.interrupt();
        t.join();
        assertThat(caught).hasSize(1);
        permits.release();
        assertThat(permits.acquire(0)).isTrue();
        assertThatThrownBy(() -> {
            Thread.currentThread().interrupt();
            permits.acquire(TimeUnit.SECONDS.toNanos(1));
        }).isInstanceOf(InterruptedException.class);
    }
}
