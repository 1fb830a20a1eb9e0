package dev.parley.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header into how long to wait before retrying a refused request. */
final class RetryAfter {

    /** The longest wait: past this the person is better told to try again later. */
    static final Duration MAX = Duration.ofSeconds(30);

    private RetryAfter() {}

    /**
     * The wait that {@code header} asks for: delay-seconds or an HTTP date, capped at {@link #MAX};
     * {@code null} when the header is absent, negative or unreadable; zero for a date in the past.
     */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 6 ? MAX : cap(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration untilDate = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return untilDate.isNegative() ? Duration.ZERO : cap(untilDate);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
