package io.bilateral.ingest.health;

import io.bilateral.ingest.http.ReadinessCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** The broker is ready when it answers a {@code describeCluster} within the timeout. */
public final class BrokerCheck implements ReadinessCheck, AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    public BrokerCheck(Map<String, Object> kafkaConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "bilateral-ingest-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public Optional<String> problem() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId()
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of("unreachable: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
