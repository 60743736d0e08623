package io.bilateral.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A stand-in project service for {@code LocalStackIT}: answers 200 on /health at the port in args[0]. */
public final class HealthyService {

    private HealthyService() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        // the server's dispatcher thread keeps the JVM alive until SIGTERM
        server.start();
    }
}
