package io.bilateral.ingest.article;

/**
 * An article as a source handed it over, before validation: every field is the raw text the source gave, or null when
 * it gave none. Files, the HTTP API and (later) feeds all produce drafts; only {@link ArticleValidator} turns them into
 * {@link Article}s, so every source gets the same checks and the same ids.
 */
public record ArticleDraft(
        String id,
        String title,
        String body,
        String url,
        String source,
        String sourceCountry,
        String published,
        String language) {

    /** A draft whose source did not say its language. */
    public ArticleDraft(
            String id, String title, String body, String url, String source, String sourceCountry, String published) {
        this(id, title, body, url, source, sourceCountry, published, null);
    }

    /** The same draft in the language its source declares (a BCP 47 tag), detected at intake when null. */
    public ArticleDraft withLanguage(String newLanguage) {
        return new ArticleDraft(id, title, body, url, source, sourceCountry, published, newLanguage);
    }

    /** A draft with only a title and a body. */
    public static ArticleDraft of(String title, String body) {
        return new ArticleDraft(null, title, body, null, null, null, null);
    }

    public ArticleDraft withId(String newId) {
        return new ArticleDraft(newId, title, body, url, source, sourceCountry, published, language);
    }

    public ArticleDraft withUrl(String newUrl) {
        return new ArticleDraft(id, title, body, newUrl, source, sourceCountry, published, language);
    }

    public ArticleDraft withSource(String newSource) {
        return new ArticleDraft(id, title, body, url, newSource, sourceCountry, published, language);
    }

    public ArticleDraft withSourceCountry(String newSourceCountry) {
        return new ArticleDraft(id, title, body, url, source, newSourceCountry, published, language);
    }

    public ArticleDraft withPublished(String newPublished) {
        return new ArticleDraft(id, title, body, url, source, sourceCountry, newPublished, language);
    }
}
