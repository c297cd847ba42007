package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.ZipIntegrity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Writes a node zip through commons-compress, entry by entry (an untouched entry's compressed bytes raw, never
 * inflated again), hashing every byte. For the distributions {@link CopyingNodeWriter} cannot copy by ranges:
 * zip64 offsets, entries that overlap, a node zip of 4 GiB or more.
 */
final class StreamingNodeWriter {
    private StreamingNodeWriter() {
    }

    static AssembledNode write(Distribution distribution, NodeArchive node, Path temporary, EntryTimes times)
            throws ArchiveException, IOException {
        String prefix = distribution.topFolder() + "/";
        Map<String, byte[]> replaced = node.configuration().replaced();
        Map<String, Path> overlay = node.overlay().files();
        MessageDigest digest = Digests.sha256();
        Set<String> written = new HashSet<>();
        try (ZipFile zip = distribution.openZip();
             // WRITE only: the temporary file exists and is empty. Truncating it (the default) makes ext4 flush
             // the whole zip to disk on close (its replace-via-truncate safeguard), which cost 0.2 s a node.
             OutputStream file = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(
                     new BufferedOutputStream(new DigestOutputStream(file, digest), 1 << 16))) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!written.add(entry.getName())) {
                    continue; // duplicate entry in the distribution: the first one wins
                }
                String path = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : "";
                byte[] edited = replaced.get(path);
                if (edited != null) {
                    writeNew(out, entry.getName(), entry, times, in -> in.write(edited));
                } else if (overlay.containsKey(path)) {
                    writeFile(out, entry.getName(), entry, times, overlay.get(path));
                } else {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                }
            }
            // Files the distribution lacks: overlay files in their sorted order, then generated ones; a generated
            // file (node.properties, hosts) wins over an overlay file of the same path, in the overlay's place.
            Map<String, byte[]> generated = node.configuration().added();
            for (Map.Entry<String, Path> extra : overlay.entrySet()) {
                String name = prefix + extra.getKey();
                byte[] bytes = generated.get(extra.getKey());
                if (written.add(name)) {
                    if (bytes != null) {
                        writeNew(out, name, null, times, in -> in.write(bytes));
                    } else {
                        writeFile(out, name, null, times, extra.getValue());
                    }
                }
            }
            for (Map.Entry<String, byte[]> extra : generated.entrySet()) {
                String name = prefix + extra.getKey();
                if (written.add(name)) {
                    writeNew(out, name, null, times, in -> in.write(extra.getValue()));
                }
            }
            out.finish();
        } catch (IOException e) {
            throw new IOException("Writing the zip of node '" + node.nodeId() + "' (" + node.output() + ") failed: "
                    + e.getMessage(), e);
        }
        return new AssembledNode(node.nodeId(), node.output(),
                new ZipIntegrity(Files.size(temporary), 0, HexFormat.of().formatHex(digest.digest())));
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * An overlay file. Archives (a JDBC driver jar, a war) are already compressed: deflating them again costs a
     * node ~0.1 s per 2.5 MB for nothing, so they are stored, with their CRC computed first as STORED needs.
     */
    private static void writeFile(ZipArchiveOutputStream out, String name, ZipArchiveEntry replacing, EntryTimes times,
                                  Path source) throws IOException {
        if (!ZipRecords.COMPRESSED.matcher(name).matches()) {
            writeNew(out, name, replacing, times, in -> Files.copy(source, in));
            return;
        }
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(source)) {
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                crc.update(buffer, 0, n);
            }
        }
        ZipArchiveEntry entry = entry(name, replacing, times);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        out.putArchiveEntry(entry);
        Files.copy(source, out);
        out.closeArchiveEntry();
    }

    /** A compressed entry with the plugin's time; it keeps the mode of the entry it replaces (bin/*.sh stay 755). */
    private static void writeNew(ZipArchiveOutputStream out, String name, ZipArchiveEntry replacing, EntryTimes times,
                                 Content content) throws IOException {
        ZipArchiveEntry entry = entry(name, replacing, times);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        out.putArchiveEntry(entry);
        content.writeTo(out);
        out.closeArchiveEntry();
    }

    private static ZipArchiveEntry entry(String name, ZipArchiveEntry replacing, EntryTimes times) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(times.dosFieldsMillis());
        if (replacing != null && replacing.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && replacing.getUnixMode() != 0) {
            entry.setUnixMode(replacing.getUnixMode());
        } else {
            entry.setUnixMode(ZipRecords.FILE_MODE);
        }
        return entry;
    }
}
