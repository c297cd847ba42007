package io.github.wso2cluster.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells whether this is the only build of a project writing its outputs right now. Each writer has its own
 * temporary file, so concurrent builds are safe without it; it only decides whether the temporary files a
 * killed build left behind may be deleted (never while another build may still be writing one). The
 * operating system releases the lock when a build dies, kill -9 included.
 */
public final class BuildLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static BuildLock tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new BuildLock(channel, channel.tryLock());
        } catch (OverlappingFileLockException sameJvm) {
            return new BuildLock(channel, null); // another build in this JVM (mvn -T) holds it
        }
    }

    /** Whether no other build holds the lock: leftovers of earlier builds may go. */
    public boolean exclusive() {
        return lock != null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock != null) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
