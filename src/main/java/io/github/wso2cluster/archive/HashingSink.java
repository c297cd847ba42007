package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The buffered tail of a node zip: what the writer writes itself, hashed on its way to the file. */
final class HashingSink {
    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final MessageDigest digest = Digests.sha256();
    private long position;

    /** @param position where the file's channel stands (the bytes copied before) */
    HashingSink(FileChannel out, long position) {
        this.out = out;
        this.position = position;
    }

    long position() {
        return position;
    }

    void put(ByteBuffer bytes) throws IOException {
        put(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    void put(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        position += length;
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    void putInt(int value) throws IOException {
        put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value));
    }

    OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                put(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                put(bytes, offset, length);
            }
        };
    }

    void flush() throws IOException {
        drain();
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}
