package io.bilateral.ingest.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the {@code published} field: an ISO-8601 instant ({@code 2021-12-05T12:11:00Z}), an offset date-time
 * ({@code 2021-12-05T15:41:00+03:30}) or a date ({@code 2021-12-05}, taken as midnight UTC). A local date-time
 * without offset is refused: guessing its zone would shift the date of the event for half the world.
 */
public final class PublishedDates {

    private PublishedDates() {}

    /** The instant {@code text} denotes; {@link InvalidArticleException} (field {@code published}) otherwise. */
    public static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidArticleException(
                        "published",
                        "'" + text + "' is not an ISO-8601 instant, "
                                + "offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)");
            }
        }
    }
}
