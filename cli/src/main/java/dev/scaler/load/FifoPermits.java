package dev.scaler.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Permits handed out first come, first served, where a waiter that gives up leaves in constant time. A Semaphore
 * does the same, but its queue cleans up after each waiter that timed out by walking the queue, so when thousands
 * of requests time out together on an overloaded target the generator spends its time walking that queue.
 */
final class FifoPermits {
    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int GAVE_UP = 2;

    private final AtomicInteger available;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        final AtomicInteger state = new AtomicInteger(WAITING);
    }

    FifoPermits(int permits) {
        this.available = new AtomicInteger(permits);
    }

    /** A permit within {@code nanos}; false when none came in time. Interrupted while waiting: throws. */
    boolean acquire(long nanos) throws InterruptedException {
        if (waiters.isEmpty() && take()) {
            return true;
        }
        var me = new Waiter();
        waiters.add(me);
        handOut(); // a permit released before this waiter was queued is handed out now
        long deadline = System.nanoTime() + nanos;
        while (me.state.get() == WAITING) {
            long left = deadline - System.nanoTime();
            boolean interrupted = Thread.interrupted();
            if (left <= 0 || interrupted) {
                if (me.state.compareAndSet(WAITING, GAVE_UP)) {
                    if (interrupted) {
                        throw new InterruptedException();
                    }
                    return false;
                }
                if (interrupted) {
                    Thread.currentThread().interrupt(); // granted meanwhile: keep it, and the interrupt
                }
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        return true;
    }

    void release() {
        available.incrementAndGet();
        handOut();
    }

    /** Free permits go to the oldest waiters still waiting; those that gave up are dropped on the way. */
    private void handOut() {
        while (!waiters.isEmpty() && take()) {
            boolean handed = false;
            for (Waiter w = waiters.poll(); w != null; w = waiters.poll()) {
                if (w.state.compareAndSet(WAITING, GRANTED)) {
                    LockSupport.unpark(w.thread);
                    handed = true;
                    break;
                }
            }
            if (!handed) {
                available.incrementAndGet(); // nobody waits any more; the loop looks again for one who just came
            }
        }
    }

    private boolean take() {
        for (int n = available.get(); n > 0; n = available.get()) {
            if (available.compareAndSet(n, n - 1)) {
                return true;
            }
        }
        return false;
    }
}
