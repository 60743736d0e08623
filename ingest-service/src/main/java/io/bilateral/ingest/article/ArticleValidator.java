package io.bilateral.ingest.article;

import io.bilateral.language.LanguageDetection;
import io.bilateral.text.TextHygiene;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a draft into an {@link Article} or refuses it with an {@link InvalidArticleException} naming the field and the
 * limit or problem. The first problem found is reported, in field order: id, title, body, url, source, sourceCountry,
 * published. Optional fields that are blank count as absent, as many exports write {@code ""} for "unknown".
 *
 * <p>Every source's drafts pass here (HTTP, batch, files, feeds and their linked pages), so this is where
 * {@link TextHygiene} cleans every field, before any check or id: nothing downstream ever sees a control character,
 * and an article with and without a stray NUL gets the same id. Thread-safe.
 */
public final class ArticleValidator {

    /** Longest accepted url; longer ones are session junk rather than article addresses. */
    public static final int MAX_URL_CHARS = 2_048;
    /** Longest accepted outlet name. */
    public static final int MAX_SOURCE_CHARS = 200;
    /** Longest accepted caller-chosen id. */
    public static final int MAX_ID_CHARS = 128;

    // Ids become Kafka keys, log lines and URL path segments: keep them to characters that need no escaping anywhere.
    private static final Pattern ID_CHARACTERS = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private final ArticleLimits limits;
    private final TextHygiene hygiene;

    public ArticleValidator(ArticleLimits limits) {
        this(limits, new TextHygiene());
    }

    /** A validator counting what it removes in {@code hygiene}. */
    public ArticleValidator(ArticleLimits limits, TextHygiene hygiene) {
        this.limits = limits;
        this.hygiene = hygiene;
    }

    /** The characters removed so far, by field. */
    public TextHygiene hygiene() {
        return hygiene;
    }

    public ArticleLimits limits() {
        return limits;
    }

    /**
     * Validates and normalises {@code draft}.
     *
     * @param origin how the article arrived ({@code http}, {@code file:<name>} ...), copied into the article
     */
    public Article validate(ArticleDraft raw, String origin) {
        ArticleDraft draft = clean(raw);
        String id = present(draft.id());
        if (id != null) {
            checkLength("id", id, MAX_ID_CHARS);
            if (!ID_CHARACTERS.matcher(id).matches()) {
                throw new InvalidArticleException(
                        "id", "'" + id + "' may only contain letters, digits, '.', '_', ':' and '-'");
            }
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        checkLength("title", title, limits.maxTitleChars());
        String body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            throw new InvalidArticleException("body", "must not be empty");
        }
        checkLength("body", body, limits.maxBodyChars());
        String url = present(draft.url());
        if (url != null) {
            checkLength("url", url, MAX_URL_CHARS);
            url = ArticleId.canonicalUrl(url);
        }
        String source = present(draft.source());
        if (source != null) {
            checkLength("source", source, MAX_SOURCE_CHARS);
        }
        String country = present(draft.sourceCountry());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!ALPHA3.contains(country)) {
                throw new InvalidArticleException(
                        "sourceCountry",
                        "'" + draft.sourceCountry().strip() + "' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)");
            }
        }
        String publishedText = present(draft.published());
        Instant published = publishedText == null ? null : PublishedDates.parse(publishedText);
        if (id == null) {
            id = url != null ? ArticleId.forUrl(url) : ArticleId.forText(title, body);
        }
        return new Article(
                id,
                title,
                body,
                url,
                source,
                country,
                published,
                origin,
                LanguageDetection.normalise(draft.language()));
    }

    private ArticleDraft clean(ArticleDraft draft) {
        return new ArticleDraft(
                hygiene.clean("id", draft.id()),
                hygiene.clean("title", draft.title()),
                hygiene.clean("body", draft.body()),
                hygiene.clean("url", draft.url()),
                hygiene.clean("source", draft.source()),
                hygiene.clean("sourceCountry", draft.sourceCountry()),
                hygiene.clean("published", draft.published()),
                hygiene.clean("language", draft.language()));
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void checkLength(String field, String value, int limit) {
        // Cheap pre-check: a string never holds more code points than chars, so only long strings need counting.
        if (value.length() <= limit) {
            return;
        }
        int characters = value.codePointCount(0, value.length());
        if (characters > limit) {
            throw new InvalidArticleException(field, characters + " characters exceeds the limit of " + limit);
        }
    }
}
