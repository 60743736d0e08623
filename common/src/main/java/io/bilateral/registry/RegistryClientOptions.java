package io.bilateral.registry;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@link HttpSchemaRegistryClient} reaches the registry. {@code baseUrl} is the root of the Confluent API:
 * {@code http://host:8081} for Confluent's registry, {@code http://host:8081/apis/ccompat/v7} for Apicurio's.
 * {@code basicAuthUserInfo} is {@code user:password} or null; it is masked in {@link #toString()}.
 */
public record RegistryClientOptions(
        URI baseUrl, Duration connectTimeout, Duration requestTimeout, int maxResponseBytes, String basicAuthUserInfo) {

    /** Setting: base URL of the registry's Confluent-compatible API. */
    public static final String URL = "registry.url";
    /** Setting: TCP connect timeout (default 5s). */
    public static final String CONNECT_TIMEOUT = "registry.connect.timeout";
    /** Setting: timeout of one whole request (default 10s). */
    public static final String REQUEST_TIMEOUT = "registry.request.timeout";
    /** Setting: largest response body accepted (default 4 MiB); guards against a wrong URL streaming megabytes. */
    public static final String MAX_RESPONSE_BYTES = "registry.max.response.bytes";
    /** Secret, environment only ({@code BILATERAL_REGISTRY_BASIC_AUTH_USER_INFO}): {@code user:password}. */
    public static final String BASIC_AUTH_USER_INFO = "registry.basic.auth.user.info";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    public RegistryClientOptions {
        if (baseUrl == null
                || baseUrl.getScheme() == null
                || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("registry base URL must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException("registry basic auth must be 'user:password' (the value is not shown)");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("max response bytes must be positive, got " + maxResponseBytes);
        }
        // a trailing slash would make every path start with "//", which some registries answer with 404
        String url = baseUrl.toString();
        baseUrl = url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : baseUrl;
    }

    /** Options for {@code baseUrl} with the default timeouts and limit and no authentication. */
    public static RegistryClientOptions of(String baseUrl) {
        return new RegistryClientOptions(
                URI.create(baseUrl),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_RESPONSE_BYTES,
                null);
    }

    /** Reads the {@code registry.*} settings; credentials come from the environment only (see {@link Settings#secret}). */
    public static RegistryClientOptions fromSettings(Settings settings) {
        String url = settings.string(URL);
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(URL, url, "is not a URL: " + e.getMessage());
        }
        return new RegistryClientOptions(
                uri,
                settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT),
                settings.duration(REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT),
                settings.integer(MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES),
                settings.secret(BASIC_AUTH_USER_INFO).orElse(null));
    }

    /** The credentials, when configured. */
    public Optional<String> basicAuth() {
        return Optional.ofNullable(basicAuthUserInfo);
    }

    /** The same options with basic authentication. */
    public RegistryClientOptions withBasicAuth(String user, String password) {
        return new RegistryClientOptions(
                baseUrl, connectTimeout, requestTimeout, maxResponseBytes, user + ":" + password);
    }

    @Override
    public String toString() {
        return "RegistryClientOptions[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxResponseBytes=" + maxResponseBytes + ", basicAuth="
                + (basicAuthUserInfo == null ? "none" : "***") + "]";
    }
}
