package io.github.wso2cluster.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps the builds of one project that write its outputs at once apart from the clean-up of what a killed build
 * left. Each writer has its own temporary files, so concurrent builds are safe together; every running build
 * {@link #join joins} (a shared lock), and the temporary files a killed build left may be deleted only
 * {@link #whenAlone when no build holds it}: never a file another build is still writing. Across processes the
 * operating system's file lock does this (released when a build dies, kill -9 included); inside one JVM
 * ({@code mvn -T}, tests), where the operating system's lock is one per JVM, a read-write lock per lock file does.
 */
public final class BuildLock implements AutoCloseable {
    private static final Map<Path, Holders> HOLDERS = new HashMap<>();

    /** This JVM's builds of one project: their order, and the one shared operating-system lock they hold. */
    private static final class Holders {
        final ReentrantReadWriteLock order = new ReentrantReadWriteLock();
        FileChannel channel;
        FileLock shared;
        int count;
    }

    private final Holders holders;

    private BuildLock(Holders holders) {
        this.holders = holders;
    }

    private static Holders holders(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Files.createDirectories(key.getParent());
        synchronized (HOLDERS) {
            return HOLDERS.computeIfAbsent(key, k -> new Holders());
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Something to run while no other build holds the lock. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws IOException;
    }

    /**
     * Runs {@code cleanup} when no build of the project, in this JVM or another process, holds the lock, and keeps
     * every build from joining meanwhile; otherwise does nothing.
     *
     * @return whether it ran
     */
    public static boolean whenAlone(Path file, Cleanup cleanup) throws IOException {
        Holders holders = holders(file);
        if (!holders.order.writeLock().tryLock()) {
            return false;
        }
        try (FileChannel channel = open(file)) {
            FileLock exclusive;
            try {
                exclusive = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                return false;
            }
            if (exclusive == null) {
                return false; // another process's build holds it
            }
            try {
                cleanup.run();
                return true;
            } finally {
                exclusive.release();
            }
        } finally {
            holders.order.writeLock().unlock();
        }
    }

    /** Holds the lock shared for the length of a build; waits only while a clean-up runs. Close it on the same thread. */
    public static BuildLock join(Path file) throws IOException {
        Holders holders = holders(file);
        holders.order.readLock().lock();
        try {
            synchronized (holders) {
                if (holders.count == 0) {
                    FileChannel channel = open(file);
                    try {
                        holders.shared = channel.lock(0, Long.MAX_VALUE, true);
                    } catch (IOException | RuntimeException e) {
                        channel.close();
                        throw e;
                    }
                    holders.channel = channel;
                }
                holders.count++;
            }
            return new BuildLock(holders);
        } catch (IOException | RuntimeException e) {
            holders.order.readLock().unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (holders) {
                if (--holders.count == 0) {
                    try {
                        holders.shared.release();
                    } finally {
                        holders.channel.close();
                        holders.channel = null;
                        holders.shared = null;
                    }
                }
            }
        } finally {
            holders.order.readLock().unlock();
        }
    }
}
