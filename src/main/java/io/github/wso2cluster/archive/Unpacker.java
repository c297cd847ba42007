package io.github.wso2cluster.archive;

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
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a distribution once into a folder, keeping Unix modes and times. A marker records the SHA-256 of
 * what was unpacked: the same bytes again cost one hash and nothing else; other bytes replace the whole
 * tree. The new tree is built beside the old one and swapped in, so a failure never leaves a half tree.
 */
public final class Unpacker {
    static final String MARKER = ".wso2-cluster-unpacked";

    /** What {@link #unpack} did. */
    public record Result(Path tree, boolean upToDate, int entries) {
    }

    /**
     * The tree a previous unpack of the same bytes left in {@code target}, if it is still there: checked
     * before the zip is even opened, so an up-to-date build costs one small file read.
     */
    public java.util.Optional<Path> upToDate(String sha256, Path target) throws IOException {
        Path marker = target.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return java.util.Optional.empty();
        }
        String[] recorded = Files.readString(marker, StandardCharsets.UTF_8).trim().split(" ", 2);
        if (recorded.length != 2 || !recorded[0].equals(sha256) || recorded[1].isEmpty()
                || EntryNames.problem(recorded[1]) != null || recorded[1].contains("/")) {
            return java.util.Optional.empty();
        }
        Path tree = target.resolve(recorded[1]);
        return Files.isDirectory(tree) ? java.util.Optional.of(tree) : java.util.Optional.empty();
    }

    /**
     * @param target the folder that receives {@code <top folder>/} and the marker
     */
    public Result unpack(Distribution distribution, String sha256, Path target) throws ArchiveException, IOException {
        String expected = sha256 + " " + distribution.topFolder() + "\n";
        Path tree = target.resolve(distribution.topFolder());
        if (upToDate(sha256, target).filter(tree::equals).isPresent()) {
            return new Result(tree, true, 0);
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            int entries = extract(distribution, staging);
            Files.writeString(staging.resolve(MARKER), expected, StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                Path old = parent.resolve(target.getFileName() + ".old-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Result(tree, false, entries);
        } finally {
            deleteTree(staging);
        }
    }

    private static int extract(Distribution distribution, Path root) throws ArchiveException, IOException {
        Files.createDirectories(root);
        Path normalizedRoot = root.toAbsolutePath().normalize();
        boolean posix = Files.getFileAttributeView(root, java.nio.file.attribute.PosixFileAttributeView.class) != null;
        List<ZipArchiveEntry> directories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
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
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isUnixSymlink()) {
                    // Links are not recreated: a link could point anywhere. Its target text is written as a file.
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, path);
                    } catch (FileAlreadyExistsException e) {
                        throw new ArchiveException(distribution.file() + ": entry '" + name + "' clashes with another entry");
                    }
                    if (posix && entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && entry.getUnixMode() != 0) {
                        Files.setPosixFilePermissions(path, permissions(entry.getUnixMode()));
                    }
                }
                Files.setLastModifiedTime(path, entry.getLastModifiedTime());
                count++;
            }
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
        return count;
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

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Collections.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
