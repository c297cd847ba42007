package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SHA-256 of a distribution, remembered with the file's path, size and modification time: an
 * unchanged 200 MB zip is not read again on every build. A different size or time (a new download, a
 * touched file) means hashing it again; the SHA-256 stays the key for what was unpacked and built.
 */
public final class DigestCache {
    private final Path cacheFile;

    public DigestCache(Path cacheFile) {
        this.cacheFile = cacheFile;
    }

    public String sha256(Path file) throws IOException {
        String key = file.toAbsolutePath().normalize() + "\t" + Files.size(file) + "\t"
                + Files.getLastModifiedTime(file).toMillis() + "\t";
        if (Files.isRegularFile(cacheFile)) {
            for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                if (line.startsWith(key) && line.length() == key.length() + 64) {
                    return line.substring(key.length());
                }
            }
        }
        String sha256 = Digests.sha256(file);
        AtomicFiles.write(cacheFile, (key + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
        return sha256;
    }
}
