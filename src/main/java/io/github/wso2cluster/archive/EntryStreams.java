package io.github.wso2cluster.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * One worker's way to read entries: 64 KB reads of the zip and one inflater for all its entries.
 * commons-compress's {@code getInputStream} inflates through 512-byte reads, one system call each (400,000
 * for a 200 MB distribution), with a new inflater per entry. Not thread-safe: one per worker.
 */
final class EntryStreams implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private final Inflater inflater = new Inflater(true);
    final byte[] buffer = new byte[BUFFER];

    /** The entry's content; methods other than stored and deflated (rare) through commons-compress. */
    InputStream open(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        int method = entry.getMethod();
        if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
            return zip.getInputStream(entry);
        }
        InputStream raw = new BufferedInputStream(zip.getRawInputStream(entry), BUFFER);
        if (method == ZipArchiveEntry.STORED) {
            return raw;
        }
        inflater.reset();
        // The extra zero byte: a raw ("nowrap") inflater may ask for one more byte than the data has.
        return new InflaterInputStream(new SequenceInputStream(raw, new ByteArrayInputStream(new byte[1])), inflater,
                BUFFER) {
            @Override
            public void close() throws IOException {
                in.close(); // the inflater is the worker's, for its next entry: not ended here
            }
        };
    }

    @Override
    public void close() {
        inflater.end();
    }
}
