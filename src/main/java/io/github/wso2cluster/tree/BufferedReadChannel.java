package io.github.wso2cluster.tree;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A read-only file channel with a 64 KB read-ahead buffer, for commons-compress's {@code ZipFile}: it reads the
 * central directory field by field, four system calls an entry (24,000 for a 6,000-entry distribution, 0.2 s of
 * kernel time on each opening here); through this buffer, one per 64 KB. Reads of 64 KB or more (entry data)
 * go straight to the file. Not thread-safe: commons-compress reads a channel that is not a FileChannel under
 * its own lock.
 */
public final class BufferedReadChannel implements SeekableByteChannel {
    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).limit(0);
    private long bufferStart;
    private long position;

    private BufferedReadChannel(Path path) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Opens a zip through this channel, reading local headers only when an entry's data is read (one read of
     * the central directory instead of one seek per entry).
     */
    public static ZipFile openZip(Path path) throws IOException {
        BufferedReadChannel channel = new BufferedReadChannel(path);
        try {
            return ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (!target.hasRemaining()) {
            return 0;
        }
        if (position < bufferStart || position >= bufferStart + buffer.limit()) {
            if (target.remaining() >= buffer.capacity()) {
                int n = file.read(target, position);
                position += Math.max(n, 0);
                return n;
            }
            buffer.clear();
            int n = file.read(buffer, position);
            buffer.flip();
            bufferStart = position;
            if (n <= 0) {
                return n;
            }
        }
        int from = (int) (position - bufferStart);
        int n = Math.min(target.remaining(), buffer.limit() - from);
        target.put(buffer.slice(from, n));
        position += n;
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
