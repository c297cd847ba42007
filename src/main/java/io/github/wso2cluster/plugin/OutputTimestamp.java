package io.github.wso2cluster.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code project.build.outputTimestamp} as Maven reads it: ISO-8601 or seconds since the epoch; one character means unset. */
final class OutputTimestamp {
    private OutputTimestamp() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.trim().length() < 2) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + text + "' is not an ISO-8601 date"
                    + " (2026-01-01T00:00:00Z) nor seconds since the epoch");
        }
    }
}
