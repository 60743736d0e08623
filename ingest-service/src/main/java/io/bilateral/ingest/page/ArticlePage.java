package io.bilateral.ingest.page;

import java.time.Instant;
import java.util.Optional;

/**
 * What a web page says about the article on it.
 *
 * @param text      the article's text, paragraphs separated by a blank line; empty when the page has none
 * @param published when the page's metadata says it was published
 */
public record ArticlePage(String title, String text, Optional<Instant> published) {}
