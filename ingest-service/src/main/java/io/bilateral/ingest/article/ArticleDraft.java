package io.bilateral.ingest.article;

/**
 * An article as a source handed it over, before validation: every field is the raw text the source gave, or null when
 * it gave none. Files, the HTTP API and (later) feeds all produce drafts; only {@link ArticleValidator} turns them into
 * {@link Article}s, so every source gets the same checks and the same ids.
 */
public record ArticleDraft(
        String id, String title, String body, String url, String source, String sourceCountry, String published) {

    /** A draft with only a title and a body. */
    public static ArticleDraft of(String title, String body) {
        return new ArticleDraft(null, title, body, null, null, null, null);
    }

    public ArticleDraft withId(String newId) {
        return new ArticleDraft(newId, title, body, url, source, sourceCountry, published);
    }

    public ArticleDraft withUrl(String newUrl) {
        return new ArticleDraft(id, title, body, newUrl, source, sourceCountry, published);
    }

    public ArticleDraft withSource(String newSource) {
        return new ArticleDraft(id, title, body, url, newSource, sourceCountry, published);
    }

    public ArticleDraft withSourceCountry(String newSourceCountry) {
        return new ArticleDraft(id, title, body, url, source, newSourceCountry, published);
    }

    public ArticleDraft withPublished(String newPublished) {
        return new ArticleDraft(id, title, body, url, source, sourceCountry, newPublished);
    }
}
