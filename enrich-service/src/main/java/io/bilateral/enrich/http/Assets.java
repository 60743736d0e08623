package io.bilateral.enrich.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files, from the classpath folder {@code /dashboard}: the page, its script and style, the favicon,
 * and the vendored libraries under {@code vendor/}. Only plain names (letters, digits, dots, dashes, one folder
 * level) are looked up, so a request can never climb out of the folder; what was read once is kept.
 */
final class Assets {

    /** A file and the Content-Type it is served with. */
    record Asset(byte[] body, String contentType) {}

    private static final Pattern NAME = Pattern.compile("(?:[a-z0-9-]+/)?[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8",
            "md", "text/plain; charset=utf-8");

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** The file {@code name} (e.g. {@code app.js}, {@code vendor/chart.umd.min.js}), or empty when there is none. */
    Optional<Asset> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, n -> read("/dashboard/" + n).map(body -> new Asset(body, type)));
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
