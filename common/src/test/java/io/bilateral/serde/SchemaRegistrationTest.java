package io.bilateral.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.registry.SchemaRegistryException;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.schemas.RawArticle;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class SchemaRegistrationTest {

    private static final String RAW = "news.articles.raw";
    private static final String ACTORS = "reference.actors";

    private final FlakyRegistry registry = new FlakyRegistry();
    private final MutableClock clock = new MutableClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SchemaRegistration registration = new SchemaRegistration(
            Duration.ofSeconds(30),
            clock,
            d -> {
                sleeps.add(d);
                clock.now = clock.now.plus(d);
            },
            new Random(7));

    @Test
    void shouldRetryA500UntilTheRegistryAcceptsAndThenServeRecordsFromTheCache() {
        AvroSerde<RawArticle> serde = AvroSerde.forValues(registry, RawArticle.class);
        registry.failNext(server500(), server500(), server500());

        registration.registerAll(List.of(SchemaRegistration.Output.values(RAW, serde)));

        assertThat(registry.registerCalls).hasValue(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(2)).isGreaterThan(sleeps.get(0)); // backs off
        // the registry breaks again: records no longer need it
        registry.failNext(server500());
        byte[] bytes = serde.serializer().serialize(RAW, SampleRecords.filled(RawArticle.class, false));
        assertThat(bytes).isNotEmpty();
        assertThat(registry.registerCalls).hasValue(4);
    }

    @Test
    void shouldRetryARefusedConnection() {
        AvroSerde<ActorEntry> serde = AvroSerde.forValues(registry, ActorEntry.class);
        registry.failNext(new SchemaRegistryException(
                "register: registry not reachable", new ConnectException("Connection refused")));

        registration.registerAll(List.of(SchemaRegistration.Output.values(ACTORS, serde)));

        assertThat(registry.registerCalls).hasValue(2);
        assertThat(registry.latest(ACTORS + "-value").schema()).isEqualTo(ActorEntry.getClassSchema());
    }

    @Test
    void shouldFailNamingTopicAndLastErrorWhenTheRegistryStillFailsAtTheDeadline() {
        AvroSerde<RawArticle> serde = AvroSerde.forValues(registry, RawArticle.class);
        registry.failAlways(server500());

        SchemaRegistryException e = assertThrows(
                SchemaRegistryException.class,
                () -> registration.registerAll(List.of(SchemaRegistration.Output.values(RAW, serde))));

        assertThat(e.getMessage())
                .contains("topic " + RAW, "within PT30S", SchemaRegistration.TIMEOUT, "HTTP 500", "lock table");
        assertThat(clock.now).isBefore(MutableClock.START.plusSeconds(30).plusMillis(1));
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(SchemaRegistration.MAX_BACKOFF));
    }

    @Test
    void shouldNotRetryAnAnswerThatWouldComeBackTheSame() {
        AvroSerde<RawArticle> serde = AvroSerde.forValues(registry, RawArticle.class);
        registry.failAlways(new SchemaRegistryException(
                "register subject 'news.articles.raw-value': HTTP 409: Schema being registered is incompatible",
                409,
                409));

        SchemaRegistryException e = assertThrows(
                SchemaRegistryException.class,
                () -> registration.registerAll(List.of(SchemaRegistration.Output.values(RAW, serde))));

        assertThat(e.getMessage()).contains("refused the schema of topic " + RAW, "incompatible");
        assertThat(registry.registerCalls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldRefuseATopicWhoseValuesAreNotAvro() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SchemaRegistration.Output.values("news.dlq", Serdes.ByteArray()));
        assertThat(e.getMessage()).contains("news.dlq", "not Avro");
    }

    private static SchemaRegistryException server500() {
        return new SchemaRegistryException(
                "register subject 'x-value': HTTP 500 from POST ...: Timeout trying to lock table", 500, 50001);
    }

    /** An in-memory registry that fails register calls as scripted before it answers. */
    private static final class FlakyRegistry extends InMemorySchemaRegistry {
        final AtomicInteger registerCalls = new AtomicInteger();
        private final Deque<SchemaRegistryException> failures = new ArrayDeque<>();
        private SchemaRegistryException always;

        void failNext(SchemaRegistryException... errors) {
            failures.addAll(List.of(errors));
        }

        void failAlways(SchemaRegistryException error) {
            always = error;
        }

        @Override
        public int register(String subject, Schema schema) {
            registerCalls.incrementAndGet();
            if (always != null) {
                throw always;
            }
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            return super.register(subject, schema);
        }

        @Override
        public Schema getById(int id) {
            return super.getById(id);
        }
    }

    private static final class MutableClock extends Clock {

        static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
