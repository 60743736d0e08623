package io.bilateral.ingest.article;

/**
 * Size limits of an article, in characters (Unicode code points). They bound what one record costs the broker and the
 * enrichment topology; an article over a limit is refused, never truncated, so no source loses text silently.
 */
public record ArticleLimits(int maxTitleChars, int maxBodyChars) {

    /** 1 000 characters of title, 200 000 of body: far above real news articles, far below Kafka's 1 MB record. */
    public static final ArticleLimits DEFAULTS = new ArticleLimits(1_000, 200_000);

    public ArticleLimits {
        if (maxTitleChars < 1 || maxBodyChars < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive, got title " + maxTitleChars + " and body " + maxBodyChars);
        }
    }
}
