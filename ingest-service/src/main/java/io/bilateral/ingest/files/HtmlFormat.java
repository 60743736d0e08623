package io.bilateral.ingest.files;

import static io.bilateral.ingest.page.PageMetadata.firstPresent;
import static io.bilateral.ingest.page.PageMetadata.meta;

import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.page.ArticlePage;
import io.bilateral.ingest.page.ArticlePageExtractor;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One article per HTML page. Title and body come from {@link ArticlePageExtractor}, the one main-text extractor that
 * linked pages use too: title from {@code og:title}, else {@code <title>}, else the first {@code <h1>}; body the text
 * of the largest {@code <article>}, else {@code <main>}, else {@code <body>}, after dropping what is never article text
 * (scripts, navigation, header and footer, asides, forms, captions, related-story and share boxes). The canonical
 * link ({@code <link rel=canonical>} or {@code og:url}), {@code og:site_name} and {@code article:published_time} fill
 * url, source and published when present; the validator still checks them.
 */
public final class HtmlFormat implements ArticleFileFormat {

    /** The one main-text extractor, shared with linked pages, so both drop the same boilerplate. */
    private static final ArticlePageExtractor EXTRACTOR = new ArticlePageExtractor();

    @Override
    public List<FileItem> parse(String location, String text) {
        Document document = Jsoup.parse(text);
        String url = firstPresent(document.select("link[rel=canonical]").attr("href"), meta(document, "og:url"));
        String source = meta(document, "og:site_name");
        String published = meta(document, "article:published_time");

        ArticlePage page = EXTRACTOR.extract(document);
        String title = page.title().isEmpty() ? null : page.title();
        String body = page.text();
        ArticleDraft draft = new ArticleDraft(null, title, body, url, source, null, published);
        return List.of(new FileItem.Draft(location, draft));
    }
}
