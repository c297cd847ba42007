package io.github.wso2cluster.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * One unpack worker's reader of the distribution: its own file channel (so the entries, read once by one
 * {@code ZipFile}, are shared by every worker: a 150,000-entry zip's take 60 MB), 64 KB reads and one
 * inflater for all its entries. commons-compress's {@code getInputStream} inflates through 512-byte reads, a
 * system call each (400,000 for a 200 MB distribution), with a new inflater per entry. Entries in methods
 * other than stored and deflated (never seen in a WSO2 zip) go through a {@code ZipFile} of the worker's own.
 */
final class EntryStreams implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private final Distribution distribution;
    private final FileChannel channel;
    private final Inflater inflater = new Inflater(true);
    private final ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    private ZipFile other;
    final byte[] buffer = new byte[BUFFER];

    EntryStreams(Distribution distribution) throws IOException {
        this.distribution = distribution;
        this.channel = FileChannel.open(distribution.file(), StandardOpenOption.READ);
    }

    InputStream open(ZipArchiveEntry entry) throws IOException {
        int method = entry.getMethod();
        if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
            try {
                other = other != null ? other : distribution.openZip();
            } catch (ArchiveException e) {
                throw new IOException(e.getMessage(), e);
            }
            return other.getInputStream(other.getEntry(entry.getName()));
        }
        long offset = entry.getLocalHeaderOffset();
        header.clear();
        while (header.hasRemaining() && channel.read(header, offset + header.position()) > 0) {
            continue;
        }
        if (header.hasRemaining() || header.getInt(0) != 0x04034b50) {
            throw new IOException("entry '" + entry.getName() + "' has no local header at " + offset
                    + ", where the central directory says; the zip is corrupt");
        }
        long data = offset + 30 + (header.getShort(26) & 0xFFFF) + (header.getShort(28) & 0xFFFF);
        InputStream raw = new BufferedInputStream(BoundedInputStream.builder()
                .setInputStream(Channels.newInputStream(channel.position(data)))
                .setMaxCount(entry.getCompressedSize()).setPropagateClose(false).get(), BUFFER);
        if (method == ZipArchiveEntry.STORED) {
            return raw;
        }
        inflater.reset();
        // The extra zero byte: a raw ("nowrap") inflater may ask for one more byte than the data has.
        return new InflaterInputStream(new SequenceInputStream(raw, new ByteArrayInputStream(new byte[1])), inflater,
                BUFFER);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        channel.close();
        if (other != null) {
            other.close();
        }
    }
}
