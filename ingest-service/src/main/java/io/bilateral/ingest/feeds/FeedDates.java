package io.bilateral.ingest.feeds;

import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.article.PublishedDates;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them: RSS's RFC 822 ({@code Sun, 05 Dec 2021 12:11:00 GMT}, {@code +0330}, {@code EST}, the
 * weekday optional, two-digit years) and Atom's RFC 3339 / ISO 8601. Anything else is refused naming the text.
 */
public final class FeedDates {

    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(\\S+)?");
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"),
            Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"),
            Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"),
            Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"),
            Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"),
            Map.entry("PDT", "-0700"));
    private static final DateTimeFormatter NORMALISED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM yyyy H:mm[:ss] xx")
            .toFormatter(Locale.ENGLISH);

    private FeedDates() {}

    /** The instant {@code text} denotes; {@link InvalidArticleException} on field {@code published} otherwise. */
    public static Instant parse(String text) {
        String trimmed = text.strip();
        Matcher matcher = RFC_822.matcher(trimmed);
        if (matcher.matches()) {
            String year = matcher.group(3).length() == 2 ? "20" + matcher.group(3) : matcher.group(3);
            String zone = matcher.group(5) == null
                    ? "+0000"
                    : ZONES.getOrDefault(
                            matcher.group(5).toUpperCase(Locale.ROOT),
                            matcher.group(5).replace(":", ""));
            try {
                return ZonedDateTime.parse(
                                matcher.group(1) + " " + matcher.group(2) + " " + year + " " + matcher.group(4) + " "
                                        + zone,
                                NORMALISED)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        try {
            return PublishedDates.parse(trimmed);
        } catch (InvalidArticleException e) {
            throw invalid(text);
        }
    }

    private static InvalidArticleException invalid(String text) {
        return new InvalidArticleException(
                "published",
                "'" + text + "' is neither an RFC 822 date "
                        + "(e.g. Sun, 05 Dec 2021 12:11:00 GMT) nor an ISO-8601 date-time");
    }
}
