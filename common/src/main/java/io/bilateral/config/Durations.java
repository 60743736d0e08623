package io.bilateral.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d})
 * or in ISO-8601 ({@code PT30S}). A bare number is rejected: whether {@code 30} means seconds or milliseconds is
 * exactly the kind of guess a config file should not leave to the reader.
 */
public final class Durations {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private static final String ACCEPTED =
            "is not a duration (use a number with a unit: 500ms, 30s, 5m, 2h, 7d, or ISO-8601 like PT30S)";

    private Durations() {}

    /** The duration {@code text} describes; {@link IllegalArgumentException} saying what is accepted otherwise. */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = WITH_UNIT.matcher(trimmed);
        if (matcher.matches()) {
            return withUnit(matcher.group(1), matcher.group(2));
        }
        if (trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(ACCEPTED, e);
            }
        }
        throw new IllegalArgumentException(ACCEPTED);
    }

    private static Duration withUnit(String digits, String unit) {
        try {
            long amount = Long.parseLong(digits);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("is too large for a duration", e);
        }
    }
}
