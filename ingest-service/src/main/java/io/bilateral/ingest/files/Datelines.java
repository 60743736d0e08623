package io.bilateral.ingest.files;

import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.article.PublishedDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a line that is nothing but a publication date, as pages copied from news sites often start with
 * ({@code Dec 05, 2021 12:11 UTC}, {@code 5 December 2021}, {@code 2021-12-05}). Only whole-line matches count, so a
 * headline that merely starts with a date stays a headline. A time needs a zone; a bare date is midnight UTC.
 */
final class Datelines {

    private static final List<DateTimeFormatter> WITH_ZONE = List.of(
            formatter("MMM d, uuuu HH:mm[:ss] z"),
            formatter("MMMM d, uuuu HH:mm[:ss] z"),
            formatter("d MMM uuuu HH:mm[:ss] z"),
            formatter("d MMMM uuuu HH:mm[:ss] z"));

    private static final List<DateTimeFormatter> DATE_ONLY = List.of(
            formatter("MMM d, uuuu"), formatter("MMMM d, uuuu"), formatter("d MMM uuuu"), formatter("d MMMM uuuu"));

    private Datelines() {}

    /** The instant {@code line} states, when the whole line is a date. */
    static Optional<Instant> parse(String line) {
        String text = line.strip();
        // Cheap guard: datelines are short and contain a digit; most lines are sentences.
        if (text.isEmpty() || text.length() > 40 || text.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (DateTimeFormatter formatter : WITH_ZONE) {
            try {
                return Optional.of(ZonedDateTime.parse(text, formatter).toInstant());
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        for (DateTimeFormatter formatter : DATE_ONLY) {
            try {
                return Optional.of(LocalDate.parse(text, formatter)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        try {
            return Optional.of(PublishedDates.parse(text));
        } catch (InvalidArticleException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
