package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.BuildLock;
import io.github.wso2cluster.config.EntryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import java.io.OutputStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;

/**
 * Unpacks a distribution once into a folder, keeping Unix modes and times. A marker records the SHA-256 of
 * what was unpacked: the same bytes again cost one hash and nothing else; other bytes replace the whole
 * tree. The new tree is built beside the old one and swapped in, so a failure never leaves a half tree; what a
 * killed unpack left beside it is removed by the next build, under a lock that tells whether another is running.
 */
public final class Unpacker {
    static final String MARKER = ".wso2-cluster-unpacked";

    private final int threads;

    /** An unpacker that writes files with as many workers as there are cores. */
    public Unpacker() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Unpacker(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** What {@link #unpack} did. */
    public record Result(Path tree, boolean upToDate, int entries) {
    }

    /**
     * The tree a previous unpack of the same bytes left in {@code target}, if it is still there: checked
     * before the zip is even opened, so an up-to-date build costs one small file read. What a killed unpack left
     * beside the target goes first, when no other build is unpacking there.
     */
    public Optional<Path> upToDate(String sha256, Path target) throws IOException {
        BuildLock.whenAlone(lockFile(target), () -> removeLeftovers(target));
        return recorded(sha256, target);
    }

    private static Optional<Path> recorded(String sha256, Path target) throws IOException {
        Path marker = target.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        String[] recorded = Files.readString(marker, StandardCharsets.UTF_8).trim().split(" ", 2);
        if (recorded.length != 2 || !recorded[0].equals(sha256) || recorded[1].isEmpty()
                || EntryNames.problem(recorded[1]) != null || recorded[1].contains("/")) {
            return Optional.empty();
        }
        Path tree = target.resolve(recorded[1]);
        return Files.isDirectory(tree) ? Optional.of(tree) : Optional.empty();
    }

    /**
     * @param target the folder that receives {@code <top folder>/} and the marker
     */
    public Result unpack(Distribution distribution, String sha256, Path target) throws ArchiveException, IOException {
        String expected = sha256 + " " + distribution.topFolder() + "\n";
        Path tree = target.resolve(distribution.topFolder());
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Held for the whole unpack: another build then knows this one's staging tree is not abandoned.
        BuildLock.whenAlone(lockFile(target), () -> removeLeftovers(target));
        try (BuildLock lock = BuildLock.join(lockFile(target))) {
            if (recorded(sha256, target).filter(tree::equals).isPresent()) {
                return new Result(tree, true, 0);
            }
            Path staging = parent.resolve(target.getFileName() + STAGING + UUID.randomUUID());
            try {
                int entries = extract(distribution, staging);
                Files.writeString(staging.resolve(MARKER), expected, StandardCharsets.UTF_8);
                if (Files.exists(target)) {
                    Path old = parent.resolve(target.getFileName() + OLD + UUID.randomUUID());
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    AtomicFiles.deleteTree(old);
                } else {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new Result(tree, false, entries);
            } finally {
                AtomicFiles.deleteTree(staging);
            }
        }
    }

    private static final String STAGING = ".tmp-";
    private static final String OLD = ".old-";

    /** The lock every unpack into {@code target} holds: beside it, {@code distribution.lock}. */
    private static Path lockFile(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.getParent().resolve(absolute.getFileName() + ".lock");
    }

    /**
     * Deletes the {@code .tmp-*} (staging) and {@code .old-*} (replaced) trees a killed unpack left beside the
     * target, whatever their age: called only under the lock, when no other build is unpacking there (the operating
     * system releases a killed build's lock, kill -9 included).
     */
    private static void removeLeftovers(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String name = absolute.getFileName().toString();
        if (!Files.isDirectory(absolute.getParent())) {
            return;
        }
        try (Stream<Path> siblings = Files.list(absolute.getParent())) {
            for (Path sibling : siblings.toList()) {
                String siblingName = sibling.getFileName().toString();
                if ((siblingName.startsWith(name + STAGING) || siblingName.startsWith(name + OLD))
                        && Files.isDirectory(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.deleteTree(sibling);
                }
            }
        }
    }

    /**
     * Extracts in two steps: one pass over the central directory checks every name and creates the folders;
     * then the files are written by as many workers as there are cores, sharing the zip's one reader (a
     * 150,000-entry zip's entries take 60 MB: once, not once a worker).
     */
    private int extract(Distribution distribution, Path root) throws ArchiveException, IOException {
        Files.createDirectories(root);
        Path normalizedRoot = root.toAbsolutePath().normalize();
        boolean posix = Files.getFileAttributeView(root, PosixFileAttributeView.class) != null;
        List<ZipArchiveEntry> directories = new ArrayList<>();
        List<ZipArchiveEntry> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Path> folders = new HashSet<>(); // created already: one mkdir and one stat fewer per file
        try {
            // The entries are read once; the zip is closed before the files are written (its maps go).
            try (ZipFile zip = distribution.openZip()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    String name = entry.getName();
                    String problem = EntryNames.problem(name);
                    Path path = normalizedRoot.resolve(name).normalize();
                    if (problem != null || !path.startsWith(normalizedRoot)) {
                        throw new ArchiveException(distribution.file() + ": entry '" + name + "' "
                                + (problem != null ? problem : "would land outside the target folder") + "; refusing to unpack");
                    }
                    if (!seen.add(name)) {
                        continue; // a duplicate entry: the first one wins, as in node assembly
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        directories.add(entry);
                    } else {
                        if (folders.add(path.getParent())) {
                            Files.createDirectories(path.getParent());
                        }
                        files.add(entry);
                    }
                }
            }
            writeFiles(distribution, normalizedRoot, files, posix);
            // Directory times last: writing their files would have moved them.
            for (int i = directories.size() - 1; i >= 0; i--) {
                ZipArchiveEntry dir = directories.get(i);
                Path path = normalizedRoot.resolve(dir.getName()).normalize();
                if (posix && dir.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && (dir.getUnixMode() & 0777) != 0) {
                    Files.setPosixFilePermissions(path, permissions(dir.getUnixMode() | 0700));
                }
                Files.setLastModifiedTime(path, FileTime.fromMillis(dir.getTime()));
            }
        } catch (IOException e) {
            throw new ArchiveException(distribution.file() + " cannot be unpacked: " + e.getMessage(), e);
        }
        return files.size();
    }

    /** Writes the files with as many workers as cores, each with its own reader, all sharing the entries. */
    private void writeFiles(Distribution distribution, Path root, List<ZipArchiveEntry> entries, boolean posix)
            throws ArchiveException, IOException {
        int workers = Math.max(1, Math.min(threads, entries.size() / 64 + 1));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            tasks.add(() -> {
                try (EntryStreams streams = new EntryStreams(distribution)) {
                    for (int i = worker; i < entries.size(); i += workers) {
                        writeFile(streams, entries.get(i), root, posix);
                    }
                }
                return null;
            });
        }
        Workers.run("wso2-cluster-unpack", workers, tasks);
    }

    private static void writeFile(EntryStreams streams, ZipArchiveEntry entry, Path root, boolean posix)
            throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        // Symbolic links never get here: Distribution refuses a zip that has one.
        try (InputStream in = streams.open(entry);
             OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
            copyDeclared(in, out, entry, streams.buffer);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("entry '" + entry.getName() + "' clashes with another entry", e);
        }
        if (!entry.isUnixSymlink() && posix && entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
                && entry.getUnixMode() != 0) {
            Files.setPosixFilePermissions(path, permissions(entry.getUnixMode()));
        }
        Files.setLastModifiedTime(path, entry.getLastModifiedTime());
    }

    /**
     * Copies an entry, never more than the size it declares: an entry declared 100 bytes that inflates to
     * gigabytes (a zip bomb) stops at byte 101 with an error instead of filling the disk.
     */
    private static void copyDeclared(InputStream in, OutputStream out, ZipArchiveEntry entry, byte[] buffer)
            throws IOException {
        long declared = entry.getSize();
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (declared >= 0 && total > declared) {
                throw new IOException("entry '" + entry.getName() + "' inflates to more than the " + declared
                        + " bytes it declares; the zip is corrupt or crafted (take it from a trusted source)");
            }
            out.write(buffer, 0, read);
        }
        if (declared >= 0 && total != declared) {
            throw new IOException("entry '" + entry.getName() + "' holds " + total + " bytes but declares " + declared
                    + "; the zip is corrupt");
        }
    }

        static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
