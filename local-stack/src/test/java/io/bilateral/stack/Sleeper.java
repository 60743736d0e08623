package io.bilateral.stack;

import java.util.concurrent.CountDownLatch;

/**
 * A child JVM for the process tests: says hello (with $GREETING), then waits to be stopped. With
 * argument {@code ignore-term} its shutdown hook never finishes, so only SIGKILL ends it.
 */
public final class Sleeper {

    private Sleeper() {}

    public static void main(String[] args) throws InterruptedException {
        boolean ignoreTerm = args.length > 0 && args[0].equals("ignore-term");
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping");
            System.out.flush();
            if (ignoreTerm) {
                awaitQuietly(never);
            }
        }));
        System.out.println("hello " + System.getenv("GREETING"));
        System.out.flush();
        never.await();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
