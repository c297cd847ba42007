package io.github.wso2cluster.output;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.time.DateTimeException;

/** {@code project.build.outputTimestamp} as Maven reads it: ISO-8601 or seconds since the epoch; one character means unset. */
public final class OutputTimestamp {
    private OutputTimestamp() {
    }

    public static Optional<Instant> parse(String value) {
        return parse(value, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /**
     * As maven-archiver reads it: seconds since the epoch (any number of digits), else an ISO-8601 date; a
     * single character means unset (to clear an inherited value). Unset, the reproducible-builds standard
     * {@code SOURCE_DATE_EPOCH} (seconds) is used when the environment has it.
     */
    static Optional<Instant> parse(String value, String sourceDateEpoch) {
        String text = value == null ? "" : value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Optional.of(checked(epochSeconds(text), text));
        }
        if (text.length() < 2) {
            String epoch = sourceDateEpoch == null ? "" : sourceDateEpoch.trim();
            if (epoch.isEmpty()) {
                return Optional.empty();
            }
            if (!epoch.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH '" + epoch + "' is not seconds since the epoch");
            }
            return Optional.of(checked(epochSeconds(epoch), "SOURCE_DATE_EPOCH " + epoch));
        }
        try {
            return Optional.of(checked(OffsetDateTime.parse(text).toInstant(), text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + text + "' is not an ISO-8601 date"
                    + " (2026-01-01T00:00:00Z) nor seconds since the epoch");
        }
    }

    private static Instant epochSeconds(String digits) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(digits));
        } catch (NumberFormatException | DateTimeException e) {
            throw outOfRange(digits);
        }
    }

    /** Zip entry times (DOS date fields) hold 1980 to 2107; Maven's archiver accepts 1980-01-01 to 2099-12-31. */
    private static Instant checked(Instant instant, String text) {
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            throw outOfRange(text);
        }
        return instant;
    }

    private static final Instant FIRST = Instant.parse("1980-01-01T00:00:02Z");
    private static final Instant LAST = Instant.parse("2099-12-31T23:59:59Z");

    private static IllegalArgumentException outOfRange(String text) {
        return new IllegalArgumentException("the output timestamp '" + text + "' is outside 1980-01-01T00:00:02Z"
                + " to 2099-12-31T23:59:59Z, the times a zip entry can hold (Maven's archiver refuses it too)");
    }
}
