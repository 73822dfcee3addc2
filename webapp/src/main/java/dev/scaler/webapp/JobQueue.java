package dev.scaler.webapp;

/** Where the web tier hands jobs to the workers. */
interface JobQueue extends AutoCloseable {
    /**
     * Returns once the queue has confirmed that it holds the message (publisher confirms).
     *
     * @throws QueueUnavailableException when it is not reachable or did not confirm in time
     */
    void publish(JobMessage message);

    @Override
    void close();

    /** No queue configured: every publication is refused. */
    JobQueue NONE = new JobQueue() {
        @Override
        public void publish(JobMessage message) {
            throw new QueueUnavailableException("no job queue configured (SCALER_QUEUE_ADDRESSES is not set)");
        }

        @Override
        public void close() {}
    };
}
