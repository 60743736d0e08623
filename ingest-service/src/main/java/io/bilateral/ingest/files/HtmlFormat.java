package io.bilateral.ingest.files;

import io.bilateral.ingest.article.ArticleDraft;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One article per HTML page. Title: {@code og:title}, else {@code <title>}, else the first {@code <h1>}. Body: the
 * text of the largest {@code <article>}, else {@code <main>}, else {@code <body>}, after dropping what is never article
 * text (scripts, styles, navigation, page header and footer, asides, forms). Entities are decoded. The canonical link
 * ({@code <link rel=canonical>} or {@code og:url}), {@code og:site_name} and {@code article:published_time} fill url,
 * source and published when present; the validator still checks them.
 */
public final class HtmlFormat implements ArticleFileFormat {

    private static final String NOT_ARTICLE_TEXT = String.join(
            ", ",
            "script",
            "style",
            "noscript",
            "template",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "iframe",
            "svg",
            "button",
            "[role=navigation]",
            "[role=banner]",
            "[role=contentinfo]",
            "[hidden]",
            "[aria-hidden=true]");

    @Override
    public List<FileItem> parse(String location, String text) {
        Document document = Jsoup.parse(text);
        String title = firstPresent(meta(document, "og:title"), document.title(), textOf(document.selectFirst("h1")));
        String url = firstPresent(document.select("link[rel=canonical]").attr("href"), meta(document, "og:url"));
        String source = meta(document, "og:site_name");
        String published = meta(document, "article:published_time");

        document.select(NOT_ARTICLE_TEXT).remove();
        String body = HtmlText.of(mainElement(document));
        ArticleDraft draft = new ArticleDraft(null, title, body, url, source, null, published);
        return List.of(new FileItem.Draft(location, draft));
    }

    private static Element mainElement(Document document) {
        // Pages often hold several <article>s (teasers of related stories); the story itself is the longest.
        return document.select("article").stream()
                .max(Comparator.comparingInt(article -> article.text().length()))
                .or(() -> Optional.ofNullable(document.selectFirst("main")))
                .orElse(document.body());
    }

    private static String meta(Document document, String property) {
        Element element = document.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return element == null ? null : element.attr("content");
    }

    private static String textOf(Element element) {
        return element == null ? null : element.text();
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
