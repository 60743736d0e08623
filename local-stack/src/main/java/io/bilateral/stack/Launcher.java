package io.bilateral.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reuses a running part of the stack or starts it, then waits until it is ready. Launching and waiting
 * are separate steps so that independent parts (broker and registry) can start at the same time.
 */
final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    static final String HOST = "127.0.0.1";

    private final StackLayout layout;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    Launcher(StackLayout layout, Duration startTimeout, Duration stopTimeout) {
        this.layout = layout;
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** {@link #launch} and {@link Launch#awaitReady}. */
    void ensureRunning(String name, JavaCommand command, List<Integer> ports, Consumer<Readiness> awaitReady)
            throws IOException {
        launch(name, command, ports).awaitReady(awaitReady);
    }

    /**
     * Finds process {@code name} through its pid file, or starts it without waiting. Before a start,
     * {@code ports} must be free, so that a foreign server cannot pass for ours.
     */
    Launch launch(String name, JavaCommand command, List<Integer> ports) throws IOException {
        Readiness readiness = Readiness.of(name, layout.logFile(name), startTimeout);
        Optional<ManagedProcess> running = ManagedProcess.find(layout.pidFile(name));
        if (running.isPresent()) {
            return new Launch(name, running.get(), false, readiness);
        }
        ports.forEach(port -> checkPortFree(name, port));
        ManagedProcess process = ManagedProcess.start(command, layout.pidFile(name), layout.logFile(name));
        return new Launch(name, process, true, readiness);
    }

    static void checkPortFree(String name, int port) {
        if (Readiness.isListening(HOST, port)) {
            throw new IllegalStateException("cannot start " + name + ": port " + port + " on " + HOST
                    + " is already in use by another process; stop that or choose another port");
        }
    }

    /** A part that runs but may not be ready yet. */
    final class Launch {
        private final String name;
        private final ManagedProcess process;
        private final boolean startedNow;
        private final Readiness readiness;
        private final long begin = System.nanoTime();

        private Launch(String name, ManagedProcess process, boolean startedNow, Readiness readiness) {
            this.name = name;
            this.process = process;
            this.startedNow = startedNow;
            this.readiness = readiness.watching(process.handle());
        }

        /**
         * Waits with {@code awaitReady}. A process started now that does not become ready is stopped again,
         * so the next attempt starts afresh instead of reusing a broken process.
         */
        void awaitReady(Consumer<Readiness> awaitReady) throws IOException {
            try {
                awaitReady.accept(readiness);
            } catch (RuntimeException e) {
                if (startedNow) {
                    process.stop(stopTimeout);
                }
                throw e;
            }
            if (startedNow) {
                log.info(
                        "{} ready in {} ms ({}, log {})",
                        name,
                        (System.nanoTime() - begin) / 1_000_000,
                        process,
                        layout.logFile(name));
            } else {
                log.info("{} already running ({})", name, process);
            }
        }
    }
}
