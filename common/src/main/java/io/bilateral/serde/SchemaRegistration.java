package io.bilateral.serde;

import io.bilateral.config.Settings;
import io.bilateral.registry.SchemaRegistryException;
import io.bilateral.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the value schema of every topic a service writes before the service starts, retrying what may pass.
 *
 * <p>Why: a serializer registers its schema on the first record it writes. When several instances start at once
 * they register the same new subjects at the same moment, and Apicurio on H2 answers some of them 500 (a unique-key
 * race, a table lock timeout); a registry that is restarting refuses the connection. At that point the error was
 * the record's, and Kafka Streams' processing handler sent it to the dead-letter queue: an article lost to a
 * registry hiccup. Registered here, every id is cached in its serializer and records never wait for the registry.
 *
 * <p>Transient failures ({@link SchemaRegistryException#isTransient()}) are retried with exponential backoff and
 * jitter (so racing instances do not retry in step) until {@code timeout}; any other answer, or the timeout, fails
 * the start with an error naming the topic and the registry's last answer.
 */
public final class SchemaRegistration {

    /** Setting: how long start-up keeps retrying the registry (default {@link #DEFAULT_TIMEOUT}). */
    public static final String TIMEOUT = "registry.startup.timeout";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistration.class);

    /** A topic and the serializer that writes its values (or keys). */
    public record Output(String topic, AvroSerializer<?> serializer) {

        /** The values of a catalogue topic. */
        public static Output values(Topic<?, ?> topic) {
            return values(topic.name(), topic.valueSerde());
        }

        /** The values written to {@code topic} (an internal topic, say) with {@code serde}, which must be Avro. */
        public static Output values(String topic, Serde<?> serde) {
            if (!(serde.serializer() instanceof AvroSerializer<?> avro)) {
                throw new IllegalArgumentException(
                        "topic " + topic + ": values are not Avro, so there is no schema to register");
            }
            return new Output(topic, avro);
        }
    }

    /** Waits between attempts; tests pass one that moves a fake clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public SchemaRegistration(Duration timeout, Clock clock, Sleeper sleeper, RandomGenerator random) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("registration timeout must not be negative, got " + timeout);
        }
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Registration with the {@value #TIMEOUT} setting, the system clock and real sleeps. */
    public static SchemaRegistration fromSettings(Settings settings) {
        return new SchemaRegistration(
                settings.duration(TIMEOUT, DEFAULT_TIMEOUT),
                Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()),
                ThreadLocalRandom.current());
    }

    /**
     * Registers the schema of every output, in order, all within one timeout.
     *
     * @throws SchemaRegistryException when the registry refuses a schema or is still failing at the deadline
     */
    public void registerAll(List<Output> outputs) {
        Instant deadline = clock.instant().plus(timeout);
        for (Output output : outputs) {
            int id = register(output, deadline);
            log.info("Topic {} writes schema id {}", output.topic(), id);
        }
    }

    private int register(Output output, Instant deadline) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return output.serializer().register(output.topic());
            } catch (SchemaRegistryException e) {
                if (!e.isTransient()) {
                    throw new SchemaRegistryException(
                            "the registry refused the schema of topic " + output.topic() + ": " + e.getMessage(), e);
                }
                // between half and all of the backoff: instances that failed together retry apart
                Duration wait = backoff.minusMillis(random.nextLong(backoff.toMillis() / 2 + 1));
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new SchemaRegistryException(
                            "the registry did not accept the schema of topic " + output.topic() + " within " + timeout
                                    + " (" + attempt + " attempts; set " + TIMEOUT + " to wait longer); last error: "
                                    + e.getMessage(),
                            e);
                }
                log.warn(
                        "Registering the schema of topic {} failed (attempt {}), retrying in {} ms: {}",
                        output.topic(),
                        attempt,
                        wait.toMillis(),
                        e.getMessage());
                sleep(wait, output.topic());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration wait, String topic) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while registering the schema of topic " + topic, e);
        }
    }
}
