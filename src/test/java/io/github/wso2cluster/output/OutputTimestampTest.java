package io.github.wso2cluster.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {
    @Test
    void readsMavensFormats() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), OutputTimestamp.parse("2026-01-01T01:00:00+01:00"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1767225600)), OutputTimestamp.parse("1767225600"));
        assertEquals(Optional.empty(), OutputTimestamp.parse(null));
        assertEquals(Optional.empty(), OutputTimestamp.parse("a"), "one character means unset, as in Maven");
    }

    @Test
    void rejectsGarbageSayingWhatItWants() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputTimestamp.parse("yesterday"));
        assertTrue(e.getMessage().contains("project.build.outputTimestamp 'yesterday'"));
    }

    @Test
    void refusesTimesAZipEntryCannotHold() {
        for (String outside : List.of("2200-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "10", "99999999999999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputTimestamp.parse(outside));
            assertTrue(e.getMessage().contains("is outside 1980-01-01T00:00:02Z to 2099-12-31T23:59:59Z"), e.getMessage());
        }
    }

    @Test
    void followsMavenArchiverForDigitsAndSourceDateEpoch() {
        assertEquals(Optional.of(Instant.ofEpochSecond(1767225600)), OutputTimestamp.parse(null, "1767225600"),
                "unset: SOURCE_DATE_EPOCH");
        assertEquals(Optional.of(Instant.ofEpochSecond(1767225600)), OutputTimestamp.parse("x", "1767225600"),
                "one character clears an inherited value, and then SOURCE_DATE_EPOCH counts");
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), OutputTimestamp.parse("2026-01-01T00:00:00Z", "1"),
                "the POM's value wins");
        assertEquals(Optional.empty(), OutputTimestamp.parse(null, null));
        IllegalArgumentException digit = assertThrows(IllegalArgumentException.class, () -> OutputTimestamp.parse("7", null));
        assertTrue(digit.getMessage().contains("'7' is outside 1980"), "one digit is seconds, as in maven-archiver");
        assertThrows(IllegalArgumentException.class, () -> OutputTimestamp.parse(null, "yesterday"));
    }
}
