package io.bilateral.ingest.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A completed fetch: status 200 with the (decompressed) body, or 304 with an empty body.
 *
 * @param uri     where the body came from, after redirects: relative links in it resolve against this
 * @param headers response headers, names lower-cased, the last value of a repeated header
 */
public record FetchResult(URI uri, int status, Map<String, String> headers, byte[] body) {

    public boolean notModified() {
        return status == 304;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
