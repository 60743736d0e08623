package io.bilateral.ingest.feeds;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bilateral.config.Durations;
import io.bilateral.ingest.fetch.AddressPolicy;
import io.bilateral.language.LanguageDetection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The feeds file ({@code sources.yaml}, see {@code sources.example.yaml}): the sources to poll, their defaults, and
 * the allow-list of internal hosts and networks the fetcher may reach. Every problem is reported with the source's
 * position and field, so a typo fails the start, not a poll hours later.
 */
public record SourcesFile(List<FeedSource> sources, AddressPolicy policy) {

    /** Shortest poll interval accepted: faster polling would only annoy the outlet. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    /** Most feeds in one file; with {@link SourceCursor}'s bound per feed this bounds the feed state on disk. */
    public static final int MAX_SOURCES = 1_000;

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The YAML document's shape; strings throughout so that errors can quote what was written. */
    record Raw(Defaults defaults, List<String> allow, List<RawSource> sources) {}

    record Defaults(
            @JsonProperty("pollInterval") String pollInterval,
            @JsonProperty("fullText") Boolean fullText) {}

    record RawSource(
            String name,
            String url,
            String country,
            @JsonProperty("pollInterval") String pollInterval,
            @JsonProperty("fullText") Boolean fullText,
            String language) {}

    /** Reads and checks {@code file}; {@link IllegalArgumentException} says what is wrong where. */
    public static SourcesFile read(Path file) {
        Raw raw;
        try {
            raw = YAML.readValue(Files.readString(file), Raw.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read feed sources " + file + ": " + firstLine(e.getMessage()), e);
        }
        if (raw == null || raw.sources() == null || raw.sources().isEmpty()) {
            throw new IllegalArgumentException("feed sources " + file + ": no 'sources' listed");
        }
        if (raw.sources().size() > MAX_SOURCES) {
            throw new IllegalArgumentException("feed sources " + file + ": "
                    + raw.sources().size() + " sources listed, more than the limit of " + MAX_SOURCES);
        }
        Duration defaultInterval = raw.defaults() == null || raw.defaults().pollInterval() == null
                ? DEFAULT_INTERVAL
                : interval(file, "defaults.pollInterval", raw.defaults().pollInterval());
        boolean defaultFullText =
                raw.defaults() != null && Boolean.TRUE.equals(raw.defaults().fullText());
        List<FeedSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.sources().size(); i++) {
            RawSource source = raw.sources().get(i);
            String where = "sources[" + i + "]";
            if (source == null) {
                throw problem(file, where, "is empty");
            }
            if (source.name() == null || !NAME.matcher(source.name()).matches()) {
                throw problem(
                        file,
                        where + ".name",
                        "'" + source.name()
                                + "' must be 1-100 letters, digits, '.', '_' or '-' (it names the cursor and the origin)");
            }
            if (!names.add(source.name())) {
                throw problem(file, where + ".name", "'" + source.name() + "' is used twice");
            }
            sources.add(new FeedSource(
                    source.name(),
                    url(file, where + ".url", source.url()),
                    country(file, where + ".country", source.country()),
                    source.pollInterval() == null
                            ? defaultInterval
                            : interval(file, where + ".pollInterval", source.pollInterval()),
                    source.fullText() == null ? defaultFullText : source.fullText(),
                    language(file, where + ".language", source.language())));
        }
        AddressPolicy policy;
        try {
            policy = raw.allow() == null ? AddressPolicy.publicOnly() : AddressPolicy.allowing(raw.allow());
        } catch (IllegalArgumentException e) {
            throw problem(file, "allow", e.getMessage());
        }
        return new SourcesFile(List.copyOf(sources), policy);
    }

    private static URI url(Path file, String where, String text) {
        if (text == null || text.isBlank()) {
            throw problem(file, where, "is missing");
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw problem(file, where, "'" + text + "' must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw problem(file, where, "'" + text + "' is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static String language(Path file, String where, String text) {
        if (text == null) {
            return null;
        }
        String tag = LanguageDetection.normalise(text);
        if (tag == null || !tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw problem(file, where, "'" + text + "' is not a BCP 47 language tag (e.g. fa, ru, zh-Hans)");
        }
        return tag;
    }

    private static String country(Path file, String where, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!ALPHA3.contains(code)) {
            throw problem(file, where, "'" + text + "' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)");
        }
        return code;
    }

    private static Duration interval(Path file, String where, String text) {
        Duration interval;
        try {
            interval = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(file, where, e.getMessage());
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw problem(
                    file, where, "'" + text + "' is shorter than the minimum of " + MIN_INTERVAL.toSeconds() + "s");
        }
        return interval;
    }

    private static IllegalArgumentException problem(Path file, String where, String what) {
        return new IllegalArgumentException("feed sources " + file + ": " + where + " " + what);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
