package io.github.wso2cluster.tree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One WSO2 tree, whatever holds it: a zip (a distribution, a node zip) or a folder (an unpacked node, an overlay).
 * Paths are relative to the tree's top folder and use {@code /}; the top folder is found by one rule,
 * {@link TopFolder}. Only small files are read whole ({@link #read}, bounded like every config file).
 */
public interface WsoTree extends Closeable {
    /** The top folder's name ({@code wso2as-5.2.1}), or empty when the tree's files stand at its root. */
    String topFolder();

    /** Where the tree was read from, for messages. */
    String source();

    /** Whether a file or a folder exists at {@code path}. */
    boolean exists(String path);

    /** Every file's path, in the tree's own order (a zip's entry order, a folder's sorted walk). */
    List<String> files() throws IOException;

    /** A small file's bytes (a config file, at most {@link io.github.wso2cluster.config.ConfigFiles#MAX_BYTES}); empty when it is absent. */
    Optional<byte[]> read(String path) throws IOException;

    /** Copies a file of any size to {@code target} (a jar of the node's library folder, say). */
    void copy(String path, Path target) throws IOException;

    /**
     * Opens a node zip or an unpacked node folder.
     *
     * @param confDirectory the configuration directory the user names (relative to the top folder), or null
     */
    static WsoTree open(Path zipOrFolder, String confDirectory) throws IOException {
        if (Files.isDirectory(zipOrFolder)) {
            return FolderTree.of(zipOrFolder, confDirectory);
        }
        if (!Files.isRegularFile(zipOrFolder)) {
            throw new IOException(zipOrFolder + " does not exist; give node zips or unpacked node folders");
        }
        return ZipTree.open(zipOrFolder, confDirectory);
    }
}
