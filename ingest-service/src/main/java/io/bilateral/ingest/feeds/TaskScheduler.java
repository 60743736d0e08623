package io.bilateral.ingest.feeds;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks after a delay; production uses a small pool, tests a scheduler driven by a manual clock. */
public interface TaskScheduler extends AutoCloseable {

    void schedule(Runnable task, Duration delay);

    @Override
    void close();

    /** One daemon thread named {@code name}: polls never overlap, and a slow feed delays only the queue behind it. */
    static TaskScheduler singleThread(String name) {
        return pool(name, 1);
    }

    /**
     * {@code threads} daemon threads named {@code name-N}: polls of different hosts run side by side, so one slow
     * host holds one thread, not the queue behind it.
     */
    static TaskScheduler pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, threads == 1 ? name : name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new TaskScheduler() {
            @Override
            public void schedule(Runnable task, Duration delay) {
                if (!executor.isShutdown()) {
                    executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void close() {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
