package io.bilateral.ingest;

import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.ingest.http.IngestServer;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingest-service: registry client, topic catalogue, publisher and HTTP API, wired from {@link Settings}.
 * {@link App} runs it as a process; the CLI can run it inside its own JVM. Closing stops the API first, then the
 * publisher, so requests in flight still get their acknowledgement.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ArticlePublisher publisher;
    private final IngestServer server;

    private IngestService(ArticlePublisher publisher, IngestServer server) {
        this.publisher = publisher;
        this.server = server;
    }

    /** Starts the service; {@code settings} usually come from {@code Settings.fromProcess(IngestSettings.DEFAULTS)}. */
    public static IngestService start(Settings settings) {
        IngestSettings ingest = IngestSettings.from(settings);
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        ArticlePublisher publisher = ArticlePublisher.create(settings, topics.rawArticles());
        try {
            IngestServer server = IngestServer.start(ingest.http(), new ArticleValidator(ingest.limits()), publisher);
            return new IngestService(publisher, server);
        } catch (IOException e) {
            publisher.close();
            throw new UncheckedIOException("cannot serve the ingest API on " + ingest.http().host() + ":"
                    + ingest.http().port() + ": " + e.getMessage(), e);
        }
    }

    /** Where the HTTP API listens, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        log.info("Stopping ingest-service");
        server.close();
        publisher.close();
    }
}
