package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the last build wrote for one node: the fingerprint of its inputs and the zip's digest, size and
 * time. A node whose inputs have the same fingerprint, and whose zip is still the one written, is not
 * written again.
 */
record NodeState(String fingerprint, String sha256, long size, long modified) {

    static Optional<NodeState> read(Path file) {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            return Optional.of(new NodeState(properties.getProperty("fingerprint"), properties.getProperty("sha256"),
                    Long.parseLong(properties.getProperty("size")), Long.parseLong(properties.getProperty("modified"))));
        } catch (IOException | RuntimeException absentOrDamaged) {
            return Optional.empty(); // no usable state: the node is simply rebuilt
        }
    }

    void write(Path file) throws IOException {
        String text = "fingerprint=" + fingerprint + "\nsha256=" + sha256 + "\nsize=" + size + "\nmodified=" + modified + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code zip} is still exactly what this state recorded. */
    boolean matches(Path zip) {
        try {
            return Files.isRegularFile(zip) && Files.size(zip) == size
                    && Files.getLastModifiedTime(zip).toMillis() == modified;
        } catch (IOException e) {
            return false;
        }
    }
}
