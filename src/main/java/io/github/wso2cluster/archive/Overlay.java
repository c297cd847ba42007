package io.github.wso2cluster.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files copied over a node's distribution tree: {@code src/main/wso2/common/} for every node, then
 * {@code src/main/wso2/<node id>/} for that node. Keys are paths relative to the top folder, in sorted
 * order so the zip is the same on every machine.
 */
public final class Overlay {
    private final Map<String, Path> files;

    private Overlay(Map<String, Path> files) {
        this.files = files;
    }

    public static Overlay empty() {
        return new Overlay(new TreeMap<>());
    }

    /** The files of {@code folders}, a later folder's file winning over an earlier one's. Absent folders are skipped. */
    public static Overlay of(Path... folders) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(folder.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
        return new Overlay(files);
    }

    public Map<String, Path> files() {
        return files;
    }

    public Optional<byte[]> read(String path) throws IOException {
        Path file = files.get(path);
        return file == null ? Optional.empty() : Optional.of(Files.readAllBytes(file));
    }
}
