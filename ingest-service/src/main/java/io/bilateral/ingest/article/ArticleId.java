package io.bilateral.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Stable article ids: the first 16 hex digits (64 bits) of a SHA-256 over the canonical URL, or, for an article without
 * URL, over its normalised text. The same article delivered twice (the same file ingested again, the same link shared
 * with different tracking parameters) gets the same id, which is the Kafka key downstream deduplication relies on.
 */
public final class ArticleId {

    /** Length of an id in hex digits; 64 bits keep collisions negligible for billions of articles. */
    public static final int LENGTH = 16;

    /** Query parameters that only track the reader, never select the article. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "igshid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ArticleId() {}

    /** The id of the article at {@code url}; the url is canonicalised first. */
    public static String forUrl(String url) {
        return hash("url\n" + canonicalUrl(url));
    }

    /** The id of an article known only by its text. */
    public static String forText(String title, String body) {
        return hash("text\n" + normalisedText(title, body));
    }

    /**
     * The canonical form of an http(s) URL: scheme and host lower-cased, default port, fragment and tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid} ...) dropped, an empty path written as {@code /}. Everything else,
     * including the order of the remaining parameters, is kept: servers may treat it as significant.
     *
     * @throws InvalidArticleException (field {@code url}) when the text is not an absolute http(s) URL with a host
     */
    public static String canonicalUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidArticleException(
                    "url", "'" + url + "' is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidArticleException("url", "'" + url + "' must be an absolute http or https URL");
        }
        if (uri.getHost() == null) {
            throw new InvalidArticleException("url", "'" + url + "' has no host");
        }
        StringBuilder canonical = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            canonical.append(uri.getRawUserInfo()).append('@');
        }
        canonical.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    /** Title and body as one string, Unicode-normalised (NFKC), case-folded, with every run of whitespace one space. */
    public static String normalisedText(String title, String body) {
        String joined = (title == null ? "" : title) + " " + (body == null ? "" : body);
        String folded = Normalizer.normalize(joined, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").trim();
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256, so this cannot happen on a conforming JVM.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
