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
 */
public record FeedSource(String name, URI url, String country, Duration pollInterval, boolean fullText) {}
