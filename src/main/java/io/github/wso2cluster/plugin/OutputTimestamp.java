package io.github.wso2cluster.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.time.DateTimeException;

/** {@code project.build.outputTimestamp} as Maven reads it: ISO-8601 or seconds since the epoch; one character means unset. */
final class OutputTimestamp {
    private OutputTimestamp() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.trim().length() < 2) {
            return Optional.empty();
        }
        String text = value.trim();
        Instant instant;
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                instant = Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException | DateTimeException e) {
                throw outOfRange(text);
            }
        } else {
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("project.build.outputTimestamp '" + text + "' is not an ISO-8601 date"
                        + " (2026-01-01T00:00:00Z) nor seconds since the epoch");
            }
        }
        // Zip entry times (DOS date fields) hold 1980 to 2107; Maven's archiver accepts 1980-01-01 to 2099-12-31.
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            throw outOfRange(text);
        }
        return Optional.of(instant);
    }

    private static final Instant FIRST = Instant.parse("1980-01-01T00:00:02Z");
    private static final Instant LAST = Instant.parse("2099-12-31T23:59:59Z");

    private static IllegalArgumentException outOfRange(String text) {
        return new IllegalArgumentException("project.build.outputTimestamp '" + text + "' is outside 1980-01-01T00:00:02Z"
                + " to 2099-12-31T23:59:59Z, the times a zip entry can hold (Maven's archiver refuses it too)");
    }
}
