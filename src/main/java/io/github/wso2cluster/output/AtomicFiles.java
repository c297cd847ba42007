package io.github.wso2cluster.output;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Writes a file beside its destination and moves it into place, so readers see the old file or the new one.
 * Every writer has its own temporary file: two builds of one project at once never write into the same one,
 * so a rename only ever publishes a file its own writer finished.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes only when the content differs, so an unchanged file keeps its time (and readers see no change). */
    public static void writeIfChanged(Path destination, byte[] content) throws IOException {
        if (Files.isRegularFile(destination) && Arrays.equals(Files.readAllBytes(destination), content)) {
            return;
        }
        write(destination, content);
    }

    public static void write(Path destination, byte[] content) throws IOException {
        Path temporary = temporaryBeside(destination);
        try {
            Files.write(temporary, content, StandardOpenOption.WRITE); // no truncate: see NodeAssembler
            publish(temporary, destination);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new, empty, uniquely named file beside {@code destination} ({@code name.<random>.<ext>.part}), creating the
     * folder if needed.
     */
    public static Path temporaryBeside(Path destination) throws IOException {
        Path parent = destination.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = destination.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return Files.createTempFile(parent, stem + ".", extension + ".part");
    }

    /**
     * Moves a finished temporary file onto its destination, readable by everyone like other build outputs
     * (temporary files are created owner-only).
     */
    public static void publish(Path temporary, Path destination) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
