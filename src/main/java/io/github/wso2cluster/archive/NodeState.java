package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.ZipIntegrity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the last build wrote for one node: the fingerprint of its inputs, the zip's integrity record and
 * its time. A node whose inputs have the same fingerprint, and whose zip is still the one written, is not
 * written again.
 */
record NodeState(String fingerprint, ZipIntegrity integrity, long modified) {

    static Optional<NodeState> read(Path file) {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            ZipIntegrity integrity = new ZipIntegrity(Long.parseLong(properties.getProperty("size")),
                    Long.parseLong(properties.getProperty("writtenFrom")), properties.getProperty("writtenSha256"));
            if (properties.getProperty("fingerprint") == null || integrity.writtenSha256() == null) {
                return Optional.empty();
            }
            return Optional.of(new NodeState(properties.getProperty("fingerprint"), integrity,
                    Long.parseLong(properties.getProperty("modified"))));
        } catch (IOException | RuntimeException absentOrDamaged) {
            return Optional.empty(); // no usable state: the node is simply rebuilt
        }
    }

    void write(Path file) throws IOException {
        String text = "fingerprint=" + fingerprint + "\nsize=" + integrity.size() + "\nwrittenFrom="
                + integrity.writtenFrom() + "\nwrittenSha256=" + integrity.writtenSha256() + "\nmodified=" + modified + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether {@code zip} is still exactly what this state recorded. */
    boolean matches(Path zip) {
        try {
            return Files.isRegularFile(zip) && Files.size(zip) == integrity.size()
                    && Files.getLastModifiedTime(zip).toMillis() == modified;
        } catch (IOException e) {
            return false;
        }
    }
}
