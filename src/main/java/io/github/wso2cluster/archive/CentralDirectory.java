package io.github.wso2cluster.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The distribution's central directory as raw records, read once per build and shared by every node writer:
 * an untouched entry's local record (header, data, data descriptor) is a byte range of the distribution,
 * and its central record is the distribution's with only the offset changed. Entries stay named by
 * commons-compress (the same names the config files were read by); the raw records must agree with it
 * entry by entry, else {@link #read} returns a reason and the node zips are streamed instead.
 * Memory: the raw records plus 20 bytes an entry, once, whatever the node count.
 */
final class CentralDirectory {
    static final long MAX_32 = 0xFFFFFFFFL;

    /** The raw central records, in the distribution's order. */
    final byte[] records;
    /** Where entry i's central record starts in {@link #records}. */
    final int[] recordStart;
    /** Where entry i's local record starts and ends in the distribution (the end is the next record's start). */
    final long[] localStart;
    final long[] localEnd;
    /** Entry indexes sorted by their place in the file. */
    final int[] physical;
    /** Entries after the first of the same name: left out of node zips (the first one wins). */
    final BitSet duplicate;
    /** The first entry of each name asked for (the files some node replaces or adds). */
    private final Map<String, Integer> wanted;

    private CentralDirectory(byte[] records, int[] recordStart, long[] localStart, long[] localEnd, int[] physical,
                             BitSet duplicate, Map<String, Integer> wanted) {
        this.records = records;
        this.recordStart = recordStart;
        this.localStart = localStart;
        this.localEnd = localEnd;
        this.physical = physical;
        this.duplicate = duplicate;
        this.wanted = wanted;
    }

    /** Either the directory, or why node zips cannot be assembled by copying byte ranges. */
    record Outcome(CentralDirectory directory, String unusable) {
    }

    int size() {
        return recordStart.length;
    }

    /** The first entry of that name, or -1; only for names given to {@link #read}. */
    int indexOf(String name) {
        Integer index = wanted.get(name);
        return index == null ? -1 : index;
    }

    /** Unix mode of entry i as commons-compress reads it: 0 unless made on Unix. */
    int unixMode(int i) {
        int at = recordStart[i];
        return (records[at + 5] & 0x0F) == ZipArchiveEntry.PLATFORM_UNIX ? (int) (u32(records, at + 38) >>> 16) : 0;
    }

    /** @param names the entry names node writers will look up (replaced and added files) */
    static Outcome read(Distribution distribution, Set<String> names) throws ArchiveException, IOException {
        Path file = distribution.file();
        long cdOffset;
        long cdSize;
        long count;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 0xFFFF + 22);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int at = tailLength - 22; at >= 0 && eocd < 0; at--) {
                if (tail.getInt(at) == 0x06054b50 && at + 22 + (tail.getShort(at + 20) & 0xFFFF) <= tailLength) {
                    eocd = at;
                }
            }
            if (eocd < 0) {
                return new Outcome(null, "no end of central directory record");
            }
            count = tail.getShort(eocd + 10) & 0xFFFF;
            cdSize = tail.getInt(eocd + 12) & MAX_32;
            cdOffset = tail.getInt(eocd + 16) & MAX_32;
            if (eocd >= 20 && tail.getInt(eocd - 20) == 0x07064b50) {
                ByteBuffer zip64 = read(channel, tail.getLong(eocd - 12), 56);
                if (zip64.getInt(0) != 0x06064b50) {
                    return new Outcome(null, "a zip64 locator that points at no zip64 record");
                }
                count = zip64.getLong(32);
                cdSize = zip64.getLong(40);
                cdOffset = zip64.getLong(48);
            }
            if (cdSize > Integer.MAX_VALUE - 64 || cdOffset + cdSize > size || count >= 1 << 24) {
                return new Outcome(null, "a central directory of " + cdSize + " bytes at " + cdOffset);
            }
            byte[] records = read(channel, cdOffset, (int) cdSize).array();
            return index(distribution, records, (int) count, cdOffset, names);
        }
    }

    private static Outcome index(Distribution distribution, byte[] records, int count, long cdOffset, Set<String> names)
            throws ArchiveException, IOException {
        int[] recordStart = new int[count];
        long[] localStart = new long[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + 46 > records.length || (int) u32(records, at) != 0x02014b50) {
                return new Outcome(null, "central record " + i + " is not where the previous one ends");
            }
            recordStart[i] = at;
            localStart[i] = u32(records, at + 42);
            if (localStart[i] == MAX_32) {
                return new Outcome(null, "zip64 offsets");
            }
            at += 46 + u16(records, at + 28) + u16(records, at + 30) + u16(records, at + 32);
        }
        if (at > records.length) {
            return new Outcome(null, "central records run past the directory");
        }
        BitSet duplicate = new BitSet(count);
        Map<String, Integer> wanted = new HashMap<>();
        long[] compressed = new long[count];
        try (ZipFile zip = distribution.openZip()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() != count) {
                return new Outcome(null, entries.size() + " entries read, " + count + " in the directory");
            }
            for (int i = 0; i < count; i++) {
                ZipArchiveEntry entry = entries.get(i);
                if (entry.getLocalHeaderOffset() != localStart[i]) {
                    return new Outcome(null, "entry '" + entry.getName() + "' is not where its record says");
                }
                compressed[i] = entry.getCompressedSize();
                if (zip.getEntry(entry.getName()) != entry) {
                    duplicate.set(i);
                } else if (names.contains(entry.getName())) {
                    wanted.put(entry.getName(), i);
                }
            }
        }
        // Each local record ends where the next one in the file starts (the last one where the directory does):
        // that takes in data descriptors whatever their form, and never needs a local header to be read. Records
        // that share one local record (a duplicate's second directory entry) share its range.
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            packed[i] = localStart[i] << 24 | i; // offsets below 4 GiB, fewer than 2^24 entries
        }
        Arrays.sort(packed);
        int[] physical = new int[count];
        long[] localEnd = new long[count];
        long next = cdOffset;
        for (int k = count - 1; k >= 0; k--) {
            int i = (int) (packed[k] & 0xFFFFFF);
            physical[k] = i;
            localEnd[i] = next;
            if (next - localStart[i] < 30L + u16(records, recordStart[i] + 28) + compressed[i]) {
                return new Outcome(null, "entries that overlap (entry " + i + ")");
            }
            if (k == 0 || packed[k - 1] >>> 24 != localStart[i]) {
                next = localStart[i];
            }
        }
        return new Outcome(new CentralDirectory(records, recordStart, localStart, localEnd, physical, duplicate,
                wanted), null);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] bytes, int at) {
        return (u16(bytes, at) | (long) u16(bytes, at + 2) << 16) & MAX_32;
    }
}
