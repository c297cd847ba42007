package io.github.wso2cluster.archive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipUtil;

/**
 * The zip records a node writer writes itself, for the entries it writes (edited and added files): the
 * fields commons-compress writes for them, with no extra fields and no data descriptor, so the bytes depend
 * on nothing but the entry.
 */
final class ZipRecords {
    static final int FILE_MODE = UnixStat.FILE_FLAG | 0644;
    /** Names of entries whose content is already compressed: stored, not deflated again. */
    static final Pattern COMPRESSED = Pattern.compile("(?i).*\\.(jar|zip|war|car|ear|gz|tgz|bz2|xz|png|jpg|jpeg|gif)");
    private static final int UTF8_NAMES = 1 << 11;
    private static final int MADE_BY_UNIX = ZipArchiveEntry.PLATFORM_UNIX << 8 | 20;

    private ZipRecords() {
    }

    /** An entry the writer wrote: where its local header is and what its central record needs. */
    record Written(String name, int method, long crc, long compressedSize, long size, int unixMode, long offset) {
        byte[] nameBytes() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The mode an edited or added file gets: the one of the entry it replaces (bin/*.sh stay 755), else 0644. */
    static int mode(int replacedUnixMode) {
        return replacedUnixMode != 0 ? replacedUnixMode : FILE_MODE;
    }

    static byte[] dosTime(EntryTimes times) {
        return ZipUtil.toDosTime(times.dosFieldsMillis());
    }

    static ByteBuffer localHeader(Written entry, byte[] dosTime) {
        byte[] name = entry.nameBytes();
        ByteBuffer header = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50).putShort(versionNeeded(entry)).putShort((short) UTF8_NAMES)
                .putShort((short) entry.method()).put(dosTime).putInt((int) entry.crc())
                .putInt((int) entry.compressedSize()).putInt((int) entry.size()).putShort((short) name.length)
                .putShort((short) 0).put(name);
        return header.flip();
    }

    static ByteBuffer centralRecord(Written entry, byte[] dosTime) {
        byte[] name = entry.nameBytes();
        ByteBuffer record = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0x02014b50).putShort((short) MADE_BY_UNIX).putShort(versionNeeded(entry))
                .putShort((short) UTF8_NAMES).putShort((short) entry.method()).put(dosTime).putInt((int) entry.crc())
                .putInt((int) entry.compressedSize()).putInt((int) entry.size()).putShort((short) name.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt(entry.unixMode() << 16).putInt((int) entry.offset()).put(name);
        return record.flip();
    }

    /**
     * The end of the central directory; with a zip64 end record in front when the entries do not fit in 16 bits
     * (a 150,000-entry distribution), as zip readers expect.
     */
    static ByteBuffer end(long entries, long directorySize, long directoryOffset) {
        boolean zip64 = entries >= 0xFFFF || directoryOffset >= CentralDirectory.MAX_32;
        ByteBuffer end = ByteBuffer.allocate(22 + (zip64 ? 76 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        if (zip64) {
            long zip64Offset = directoryOffset + directorySize;
            end.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(entries).putLong(entries).putLong(directorySize).putLong(directoryOffset);
            end.putInt(0x07064b50).putInt(0).putLong(zip64Offset).putInt(1);
        }
        short count = (short) Math.min(entries, 0xFFFF);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count)
                .putInt((int) Math.min(directorySize, CentralDirectory.MAX_32))
                .putInt((int) Math.min(directoryOffset, CentralDirectory.MAX_32)).putShort((short) 0);
        return end.flip();
    }

    private static short versionNeeded(Written entry) {
        return (short) (entry.method() == ZipArchiveEntry.STORED ? 10 : 20);
    }
}
