package io.github.wso2cluster.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file beside its destination and moves it into place, so readers see the old file or the new one. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes only when the content differs, so an unchanged file keeps its time (and readers see no change). */
    public static void writeIfChanged(Path destination, byte[] content) throws IOException {
        if (Files.isRegularFile(destination) && java.util.Arrays.equals(Files.readAllBytes(destination), content)) {
            return;
        }
        write(destination, content);
    }

    public static void write(Path destination, byte[] content) throws IOException {
        Path parent = destination.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, destination.getFileName().toString(), ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
