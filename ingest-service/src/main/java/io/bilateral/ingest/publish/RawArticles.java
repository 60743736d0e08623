package io.bilateral.ingest.publish;

import io.bilateral.ingest.article.Article;
import io.bilateral.schemas.RawArticle;
import java.time.Instant;

/** The one mapping from the plain {@link Article} to the Avro {@link RawArticle} on the topic. */
public final class RawArticles {

    private RawArticles() {}

    public static RawArticle toAvro(Article article, Instant ingestedAt) {
        return RawArticle.newBuilder()
                .setId(article.id())
                .setTitle(article.title())
                .setBody(article.body())
                .setUrl(article.url())
                .setSource(article.source())
                .setSourceCountry(article.sourceCountry())
                .setLanguage(article.language())
                .setPublished(article.published())
                .setIngestedAt(ingestedAt)
                .setOrigin(article.origin())
                .build();
    }
}
