package io.bilateral.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.InMemoryPublisher;
import io.bilateral.ingest.article.Article;
import io.bilateral.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    private static final Article ARTICLE = new Article(
            "0123456789abcdef",
            "Title",
            "Body",
            "https://e.com/a",
            "Tehran Times",
            "IRN",
            Instant.parse("2021-12-05T12:11:00Z"),
            "http");

    @Test
    void shouldSendTheArticleKeyedByItsId() {
        InMemoryPublisher broker = InMemoryPublisher.acking();

        RecordMetadata metadata = broker.publisher.sendAndWait(ARTICLE, Duration.ofSeconds(1));

        assertEquals("news.articles.raw", metadata.topic());
        ProducerRecord<String, RawArticle> record = broker.sent().get(0);
        assertEquals("0123456789abcdef", record.key());
        assertEquals(
                RawArticle.newBuilder()
                        .setId("0123456789abcdef")
                        .setTitle("Title")
                        .setBody("Body")
                        .setUrl("https://e.com/a")
                        .setSource("Tehran Times")
                        .setSourceCountry("IRN")
                        .setLanguage(null)
                        .setPublished(Instant.parse("2021-12-05T12:11:00Z"))
                        .setIngestedAt(InMemoryPublisher.NOW)
                        .setOrigin("http")
                        .build(),
                record.value());
    }

    @Test
    void shouldCompleteOnlyWhenTheBrokerAcknowledges() {
        InMemoryPublisher broker = InMemoryPublisher.manual();
        CompletableFuture<RecordMetadata> acked = broker.publisher.send(ARTICLE);
        assertThat(acked).isNotDone();
        assertTrue(broker.producer.completeNext());
        assertThat(acked).isCompleted();
    }

    @Test
    void shouldTurnABrokerErrorIntoAPublishException() {
        InMemoryPublisher broker = InMemoryPublisher.manual();
        CompletableFuture<RecordMetadata> acked = broker.publisher.send(ARTICLE);
        broker.producer.errorNext(new NotEnoughReplicasException("not enough in-sync replicas"));

        ExecutionException e = assertThrows(ExecutionException.class, acked::get);
        assertEquals(
                "broker did not accept article 0123456789abcdef on news.articles.raw: "
                        + "org.apache.kafka.common.errors.NotEnoughReplicasException: not enough in-sync replicas",
                e.getCause().getMessage());
        PublishException waited = assertThrows(
                PublishException.class, () -> broker.publisher.await(ARTICLE.id(), acked, Duration.ofSeconds(1)));
        assertEquals(e.getCause().getMessage(), waited.getMessage());
    }

    @Test
    void shouldGiveUpWaitingAfterTheTimeout() {
        InMemoryPublisher broker = InMemoryPublisher.manual();
        PublishException e = assertThrows(
                PublishException.class, () -> broker.publisher.sendAndWait(ARTICLE, Duration.ofMillis(20)));
        assertEquals(
                "broker did not acknowledge article 0123456789abcdef on news.articles.raw within 20 ms",
                e.getMessage());
    }

    @Test
    void shouldReportAFailingSendInTheFutureNotAsAThrow() {
        InMemoryPublisher broker = InMemoryPublisher.acking();
        broker.producer.close();
        CompletableFuture<RecordMetadata> acked = broker.publisher.send(ARTICLE);
        ExecutionException e = assertThrows(ExecutionException.class, acked::get);
        assertEquals(
                "could not send article 0123456789abcdef to news.articles.raw: "
                        + "java.lang.IllegalStateException: MockProducer is already closed.",
                e.getCause().getMessage());
    }

    @Test
    void shouldPassKafkaSettingsThroughAndFillDefaults() {
        Map<String, Object> config = ArticlePublisher.producerConfig(Settings.of(Map.of(
                "kafka.bootstrap.servers", "broker:9092",
                "kafka.linger.ms", "50",
                "kafka.compression.type", "lz4",
                "registry.url", "http://registry:8081")));
        assertEquals(
                Map.of(
                        "bootstrap.servers", "broker:9092",
                        "linger.ms", "50",
                        "compression.type", "lz4",
                        "client.id", "bilateral-ingest",
                        "max.block.ms", "10000",
                        "request.timeout.ms", "10000",
                        "delivery.timeout.ms", "30000",
                        "acks", "all",
                        "enable.idempotence", "true"),
                config);
    }

    @Test
    void shouldKeepTheDeliveryGuaranteesWhateverTheSettingsSay() {
        Map<String, Object> config = ArticlePublisher.producerConfig(Settings.of(Map.of(
                "kafka.bootstrap.servers", "broker:9092", "kafka.acks", "1", "kafka.enable.idempotence", "false")));
        assertEquals("all", config.get("acks"));
        assertEquals("true", config.get("enable.idempotence"));
    }

    @Test
    void shouldRequireTheBootstrapServers() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ArticlePublisher.producerConfig(Settings.of(Map.of("kafka.linger.ms", "5"))));
        assertEquals(
                "setting 'kafka.bootstrap.servers' is not set (set it in the config file, as "
                        + "BILATERAL_KAFKA_BOOTSTRAP_SERVERS or as -Dbilateral.kafka.bootstrap.servers)",
                e.getMessage());
    }
}
