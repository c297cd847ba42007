package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.ZipIntegrity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Writes a node zip as the kernel copying byte ranges of the distribution plus the few records the plugin
 * writes itself. First every untouched entry's local record (header, data, descriptor), in the distribution's
 * physical order, each run of consecutive ones in one {@link FileChannel#transferTo} (served by the kernel,
 * never through the heap); then the edited and added files; then the central directory, the distribution's
 * records with new offsets, in its order, and the new entries' records. Only the part after the copied
 * ranges is hashed, as it is written, for {@link ZipIntegrity}.
 */
final class CopyingNodeWriter {
    private final CentralDirectory directory;
    private final Distribution distribution;
    private final byte[] dosTime;

    CopyingNodeWriter(CentralDirectory directory, Distribution distribution, EntryTimes times) {
        this.directory = directory;
        this.distribution = distribution;
        this.dosTime = ZipRecords.dosTime(times);
    }

    /** Whether the node's zip surely stays below 4 GiB, so 32-bit offsets and sizes hold (else it is streamed). */
    boolean fits(NodeArchive node) throws IOException {
        long bound = Files.size(distribution.file()) + directory.records.length + (1 << 20);
        List<Long> sizes = new ArrayList<>();
        node.configuration().replaced().values().forEach(bytes -> sizes.add((long) bytes.length));
        node.configuration().added().values().forEach(bytes -> sizes.add((long) bytes.length));
        for (Path file : node.overlay().files().values()) {
            sizes.add(Files.size(file));
        }
        for (long size : sizes) {
            bound += size + size / 256 + 1024; // deflate's worst case is far below 1/256 more
        }
        return bound < CentralDirectory.MAX_32;
    }

    AssembledNode write(NodeArchive node, Path temporary) throws IOException {
        String prefix = distribution.topFolder() + "/";
        Map<String, byte[]> replaced = node.configuration().replaced();
        Map<String, Path> overlay = node.overlay().files();
        Map<String, byte[]> generated = node.configuration().added();
        // Distribution entries this node replaces, in the directory's order: an edited file, else an overlay file.
        Map<Integer, Replacement> replacing = new TreeMap<>();
        for (Map<String, ?> source : List.of(overlay, replaced)) {
            source.forEach((path, content) -> {
                int index = directory.indexOf(prefix + path);
                if (index >= 0) {
                    replacing.put(index, new Replacement(prefix + path, content));
                }
            });
        }
        // Files the distribution lacks: overlay files in their sorted order, then generated ones; a generated file
        // (node.properties, hosts) wins over an overlay file of the same path, in the overlay's place.
        Map<String, Object> extras = new LinkedHashMap<>();
        overlay.forEach((path, file) -> extras.put(path, generated.containsKey(path) ? generated.get(path) : file));
        generated.forEach(extras::putIfAbsent);
        extras.keySet().removeIf(path -> directory.indexOf(prefix + path) >= 0);

        long[] offsets = new long[directory.size()];
        try (FileChannel in = FileChannel.open(distribution.file(), StandardOpenOption.READ);
             // WRITE only: the temporary file exists and is empty. Truncating it (the default) makes ext4 flush
             // the whole zip to disk on close (its replace-via-truncate safeguard), which cost 0.2 s a node.
             FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            long copied = copyUntouched(in, out, replacing, offsets);
            HashingSink sink = new HashingSink(out, copied);
            Map<Integer, ZipRecords.Written> edited = new HashMap<>();
            for (Map.Entry<Integer, Replacement> entry : replacing.entrySet()) {
                int index = entry.getKey();
                edited.put(index, writeEntry(sink, entry.getValue().name(), entry.getValue().content(),
                        ZipRecords.mode(directory.unixMode(index))));
            }
            List<ZipRecords.Written> added = new ArrayList<>();
            for (Map.Entry<String, Object> extra : extras.entrySet()) {
                added.add(writeEntry(sink, prefix + extra.getKey(), extra.getValue(), ZipRecords.FILE_MODE));
            }
            long directoryStart = sink.position();
            long entries = writeDirectory(sink, offsets, edited, added);
            sink.put(ZipRecords.end(entries, sink.position() - directoryStart, directoryStart));
            sink.flush();
            return new AssembledNode(node.nodeId(), node.output(),
                    new ZipIntegrity(sink.position(), copied, sink.sha256()));
        }
    }

    /** Copies every entry kept as it is, in as few calls as runs; returns the bytes written, and each one's offset. */
    private long copyUntouched(FileChannel in, FileChannel out, Map<Integer, Replacement> replacing, long[] offsets)
            throws IOException {
        long copied = 0;
        long runStart = 0;
        long runEnd = 0;
        for (int index : directory.physical) {
            if (directory.duplicate.get(index) || replacing.containsKey(index)) {
                continue;
            }
            if (directory.localStart[index] != runEnd) {
                copied += transfer(in, runStart, runEnd - runStart, out);
                runStart = directory.localStart[index];
            }
            offsets[index] = copied + directory.localStart[index] - runStart;
            runEnd = directory.localEnd[index];
        }
        return copied + transfer(in, runStart, runEnd - runStart, out);
    }

    private static long transfer(FileChannel in, long from, long length, FileChannel out) throws IOException {
        for (long done = 0; done < length; ) {
            long n = in.transferTo(from + done, length - done, out);
            if (n <= 0) {
                throw new IOException("the distribution ended at byte " + (from + done) + " while being copied;"
                        + " was it replaced during the build?");
            }
            done += n;
        }
        return length;
    }

    private long writeDirectory(HashingSink sink, long[] offsets, Map<Integer, ZipRecords.Written> edited,
                                List<ZipRecords.Written> added) throws IOException {
        byte[] records = directory.records;
        long entries = 0;
        for (int index = 0; index < directory.size(); index++) {
            if (directory.duplicate.get(index)) {
                continue;
            }
            entries++;
            ZipRecords.Written written = edited.get(index);
            if (written != null) {
                sink.put(ZipRecords.centralRecord(written, dosTime));
                continue;
            }
            int at = directory.recordStart[index];
            int length = 46 + CentralDirectory.u16(records, at + 28) + CentralDirectory.u16(records, at + 30)
                    + CentralDirectory.u16(records, at + 32);
            sink.put(records, at, 42);
            sink.putInt((int) offsets[index]); // below 4 GiB: fits() said so
            sink.put(records, at + 46, length - 46);
        }
        for (ZipRecords.Written written : added) {
            sink.put(ZipRecords.centralRecord(written, dosTime));
            entries++;
        }
        return entries;
    }

    /** A distribution entry this node writes anew: an edited file's bytes, or an overlay file. */
    private record Replacement(String name, Object content) {
    }

    /**
     * An edited or added file: deflated, or stored when it is an overlay file that is an archive already (deflating
     * a JDBC driver again costs ~0.1 s per 2.5 MB for nothing). The local header holds the CRC-32 and sizes before
     * the data, so a file is read twice: once to measure, once to write (and checked to be the same).
     */
    private ZipRecords.Written writeEntry(HashingSink sink, String name, Object content, int mode) throws IOException {
        ZipRecords.Written entry;
        if (content instanceof byte[] bytes) {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream(bytes.length / 4 + 64);
            long[] measured = pass(new ByteArrayInputStream(bytes), false, deflated);
            entry = new ZipRecords.Written(name, ZipArchiveEntry.DEFLATED, measured[0], measured[2], measured[1], mode,
                    sink.position());
            sink.put(ZipRecords.localHeader(entry, dosTime));
            sink.put(deflated.toByteArray(), 0, deflated.size());
            return entry;
        }
        Path file = (Path) content;
        boolean store = ZipRecords.COMPRESSED.matcher(name).matches();
        long[] measured;
        try (InputStream in = Files.newInputStream(file)) {
            measured = pass(in, store, OutputStream.nullOutputStream());
        }
        entry = new ZipRecords.Written(name, store ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED, measured[0],
                measured[2], measured[1], mode, sink.position());
        sink.put(ZipRecords.localHeader(entry, dosTime));
        long before = sink.position();
        long[] written;
        try (InputStream in = Files.newInputStream(file)) {
            written = pass(in, store, sink.stream());
        }
        if (written[0] != measured[0] || sink.position() - before != measured[2]) {
            throw new IOException("the overlay file " + file + " changed while it was being written; build again");
        }
        return entry;
    }

    /** Copies or deflates {@code in} into {@code out}; returns its CRC-32, its size and the bytes written. */
    private static long[] pass(InputStream in, boolean store, OutputStream out) throws IOException {
        CheckedInputStream checked = new CheckedInputStream(in, new CRC32());
        long[] counted = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                counted[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                counted[0] += length;
            }
        };
        long size;
        if (store) {
            size = checked.transferTo(counting);
        } else {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                DeflaterOutputStream deflating = new DeflaterOutputStream(counting, deflater, 1 << 16);
                size = checked.transferTo(deflating);
                deflating.finish();
            } finally {
                deflater.end();
            }
        }
        return new long[] {checked.getChecksum().getValue(), size, counted[0]};
    }
}
