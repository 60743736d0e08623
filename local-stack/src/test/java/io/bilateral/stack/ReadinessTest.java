package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void shouldReturnWhenThePortAcceptsConnections() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Readiness.of("thing", dir.resolve("thing.log"), Duration.ofSeconds(10))
                    .awaitPort("127.0.0.1", server.getLocalPort());

            assertThat(Readiness.isListening("127.0.0.1", server.getLocalPort()))
                    .isTrue();
        }
    }

    @Test
    void shouldNameThePartTheConditionAndTheLogWhenTimeIsUp() throws IOException {
        int port = closedPort();
        Path log = dir.resolve("broker.log");
        Files.writeString(log, "line 1\nBindException: Address already in use\n");

        var e = assertThrows(
                NotReadyException.class,
                () -> Readiness.of("broker", log, SHORT).awaitPort("127.0.0.1", port));

        assertThat(e.getMessage())
                .startsWith("broker did not come up within 300 ms (waited for 127.0.0.1:" + port
                        + " accepting connections)")
                .contains("see " + log)
                .contains("  BindException: Address already in use");
        assertThat(e.logFile()).isEqualTo(log);
    }

    @Test
    void shouldFailAsSoonAsTheWatchedProcessExits() throws Exception {
        Process exited = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        exited.onExit().join();
        long begin = System.nanoTime();

        var e = assertThrows(
                NotReadyException.class,
                () -> Readiness.of("registry", dir.resolve("registry.log"), Duration.ofSeconds(60))
                        .watching(exited.toHandle())
                        .awaitPort("127.0.0.1", closedPort()));

        assertThat(e).hasMessageContaining("registry exited (pid " + exited.pid() + ") before it was ready");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldWaitForHttp200AndReportTheLastOtherAnswer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/starting", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Readiness.of("api", dir.resolve("api.log"), Duration.ofSeconds(10)).awaitHttpOk(URI.create(base + "/ok"));

            var e = assertThrows(
                    NotReadyException.class,
                    () -> Readiness.of("api", dir.resolve("api.log"), SHORT)
                            .awaitHttpOk(URI.create(base + "/starting")));

            assertThat(e).hasMessageContaining("GET " + base + "/starting answering 200 (last answer: 503)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldNotFailWhenThereIsNoLogYet() {
        var e = assertThrows(
                NotReadyException.class,
                () -> Readiness.of("broker", dir.resolve("missing.log"), SHORT).awaitPort("127.0.0.1", closedPort()));

        assertThat(e.getMessage()).endsWith("see " + dir.resolve("missing.log"));
    }

    @Test
    void shouldKeepOnlyTheLastLinesOfALongLog() throws IOException {
        Path log = dir.resolve("long.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        assertThat(Readiness.tail(log)).hasSize(15).startsWith("line 86").endsWith("line 100");
    }

    /** A port nobody listens on (just released by us). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
