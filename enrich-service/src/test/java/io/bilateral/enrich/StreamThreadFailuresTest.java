package io.bilateral.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.registry.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** What the stream thread died of when the broker was down for more than 60 s (fault drill). */
    private static Throwable brokerDownTooLong() {
        return new StreamsException(
                "Error encountered trying to commit a transaction",
                new KafkaException(
                        "Cannot execute transactional method because we are in an error state",
                        new TransactionAbortableException(
                                "Transaction Request was aborted after exhausting retries.",
                                new TimeoutException(
                                        "Topic news.articles.enriched not present in metadata after 60000 ms."))));
    }

    @Test
    void shouldReplaceTheThreadWhenTheBrokerWasAwayTooLong() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

        assertThat(failures.handle(brokerDownTooLong())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldShutDownOnAnyOtherError() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

        assertThat(failures.handle(new StreamsException("bug", new IllegalStateException("a bug in a processor"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void shouldShutDownWhenTheThreadKeepsDyingAndReplaceAgainOnceTheWindowHasPassed() {
        StreamThreadFailures failures = new StreamThreadFailures(2, Duration.ofMinutes(10), clock);

        assertThat(failures.handle(brokerDownTooLong())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now.set(T0.plus(Duration.ofMinutes(1)));
        assertThat(failures.handle(brokerDownTooLong())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now.set(T0.plus(Duration.ofMinutes(2)));
        assertThat(failures.handle(brokerDownTooLong())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        now.set(T0.plus(Duration.ofMinutes(11)).plusSeconds(1));
        assertThat(failures.handle(brokerDownTooLong())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldReplaceTheThreadWhenTheRegistryFailedTransientlyAndShutDownWhenItRefused() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

        assertThat(failures.handle(new StreamsException(
                        "Failed to process record",
                        new SerializationException(
                                "cannot register", new SchemaRegistryException("HTTP 500: lock timeout", 500, 50001)))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(new StreamsException(
                        "Failed to process record",
                        new SerializationException(
                                "cannot register", new SchemaRegistryException("HTTP 409: incompatible", 409, 409)))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
