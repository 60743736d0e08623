package io.bilateral.ingest.feeds;

import java.net.URI;
import java.time.Duration;

/**
 * One feed to poll.
 *
 * @param name         the outlet's name: the articles' {@code source}, and {@code feed:<name>} their origin
 * @param url          the RSS 2.0 or Atom feed
 * @param country      the outlet's country, ISO 3166-1 alpha-3 (the articles' {@code sourceCountry}); may be null
 * @param pollInterval time between two polls when all is well
 * @param fullText     fetch each item's page and take the article text from it instead of the feed's summary
 * @param language     the language the outlet publishes in (BCP 47, e.g. {@code fa}), or null to detect it per item
 */
public record FeedSource(
        String name, URI url, String country, Duration pollInterval, boolean fullText, String language) {

    /** A feed that does not declare its language: each item's is detected at intake. */
    public FeedSource(String name, URI url, String country, Duration pollInterval, boolean fullText) {
        this(name, url, country, pollInterval, fullText, null);
    }
}
