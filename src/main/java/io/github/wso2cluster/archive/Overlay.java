package io.github.wso2cluster.archive;

import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.config.EntryNames;
import io.github.wso2cluster.tree.FolderTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.io.InputStream;

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

    /**
     * The files of {@code folders}, a later folder's file winning over an earlier one's. Absent folders are skipped.
     *
     * @throws ArchiveException when a file's name cannot be a safe zip entry (a backslash, legal in a Linux file
     *                          name, would read as a folder separator on the server and could climb out of the tree)
     */
    public static Overlay of(Path... folders) throws IOException, ArchiveException {
        Map<String, Path> files = new TreeMap<>();
        for (Path folder : folders) {
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            FolderTree tree = FolderTree.at(folder);
            for (String name : tree.files()) {
                Path file = tree.file(name);
                String problem = EntryNames.problem(name);
                if (problem == null && !name.equals(EntryNames.normal(name))) {
                    problem = "is not a plain path ('.' or an empty folder name in it)";
                }
                if (problem != null) {
                    throw new ArchiveException("The overlay file " + file + " cannot go into a node zip: its name '"
                            + name + "' " + problem + "; rename it");
                }
                files.put(name, file);
            }
        }
        return new Overlay(files);
    }

    /**
     * This overlay with {@code file} added at {@code name} (after the overlay folders: a setting's file, such as
     * the JDBC driver of {@code databases/driver}, wins over an overlay's).
     */
    public Overlay with(String name, Path file) {
        Map<String, Path> more = new TreeMap<>(files);
        more.put(name, file);
        return new Overlay(more);
    }

    public Map<String, Path> files() {
        return files;
    }

    /** An overlay file that stands where a setting edits (a config file), read with the config-file size limit. */
    public Optional<byte[]> read(String path) throws IOException {
        Path file = files.get(path);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(ConfigFiles.read(in, Files.size(file), file.toString()));
        }
    }
}
