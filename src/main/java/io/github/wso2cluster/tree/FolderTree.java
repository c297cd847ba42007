package io.github.wso2cluster.tree;

import io.github.wso2cluster.config.ConfigFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A WSO2 tree in a folder: an unpacked node (the top folder itself, or a folder holding it), or an overlay. */
public final class FolderTree implements WsoTree {
    private final Path root;
    private final String top;

    private FolderTree(Path root, String top) {
        this.root = root;
        this.top = top;
    }

    /** An unpacked node: {@code folder} is its top folder, or holds it as its one WSO2 folder. */
    static FolderTree of(Path folder, String confDirectory) throws IOException {
        List<String> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(Files::isDirectory).map(c -> c.getFileName().toString()).sorted().toList();
        }
        String top = TopFolder.find(children, p -> Files.exists(folder.resolve(p)), confDirectory)
                .orElseThrow(() -> new IOException(folder + " is not an unpacked WSO2 node: it has no repository/conf or"
                        + " conf, nor one folder that has it"));
        Path root = top.isEmpty() ? folder : folder.resolve(top);
        return new FolderTree(root, root.getFileName() == null ? "" : root.getFileName().toString());
    }

    /** A folder whose files stand at its root, as in the distribution's top folder (an overlay folder). */
    public static FolderTree at(Path folder) {
        return new FolderTree(folder, "");
    }

    @Override
    public String topFolder() {
        return top;
    }

    @Override
    public String source() {
        return root.toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    /** Every regular file, sorted, each named by its own path segments joined with {@code /}. */
    @Override
    public List<String> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                files.add(name(root.relativize(file)));
            }
        }
        return files;
    }

    /** The path's own segments joined with '/': a backslash inside a Linux file name stays a character. */
    private static String name(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            name.append(name.length() == 0 ? "" : "/").append(segment);
        }
        return name.toString();
    }

    /** Where a file of the tree is on disk. */
    public Path file(String path) {
        return root.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(ConfigFiles.read(in, Files.size(file), file.toString()));
        }
    }

    @Override
    public void copy(String path, Path target) throws IOException {
        Files.copy(root.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        // nothing held open
    }
}
