package io.bilateral.ingest.health;

import io.bilateral.ingest.http.ReadinessCheck;
import io.bilateral.registry.RegistryClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** The schema registry is ready when {@code GET <registry>/subjects} answers 200 within the timeout. */
public final class RegistryCheck implements ReadinessCheck {

    private final RegistryClientOptions options;
    private final Duration timeout;
    private final HttpClient client;

    public RegistryCheck(RegistryClientOptions options, Duration timeout) {
        this.options = options;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public Optional<String> problem() {
        String base = options.baseUrl().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.endsWith("/") ? base + "subjects" : base + "/subjects"))
                .timeout(timeout)
                .GET();
        options.basicAuth()
                .ifPresent(userInfo -> request.header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 200 ? Optional.empty() : Optional.of("answered HTTP " + status);
        } catch (IOException e) {
            return Optional.of("unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
