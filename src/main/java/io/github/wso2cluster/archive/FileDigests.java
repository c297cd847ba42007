package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.Digests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** SHA-256s of files, each read once per run (the run's and every node's fingerprint share the overlay files). */
final class FileDigests {
    private final Map<Path, String> known = new HashMap<>();

    String sha256(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        String digest = known.get(key);
        if (digest == null) {
            digest = Digests.sha256(key);
            known.put(key, digest);
        }
        return digest;
    }
}
