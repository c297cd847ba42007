package io.github.wso2cluster.archive;

import java.time.Instant;
import java.util.TimeZone;

/**
 * The time given to entries the plugin writes (edited and added files). Zip's DOS time stores local
 * date and time fields; shifting by the zone offset makes those fields the UTC ones, so a build in Tokyo
 * and one in Lisbon write the same bytes.
 */
public final class EntryTimes {
    private final Instant instant;

    public EntryTimes(Instant instant) {
        this.instant = instant;
    }

    public Instant instant() {
        return instant;
    }

    /** The value for {@code ZipArchiveEntry.setTime(long)}. */
    long dosFieldsMillis() {
        long utc = instant.toEpochMilli();
        return utc - TimeZone.getDefault().getOffset(utc);
    }
}
