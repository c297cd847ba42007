package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.config.NodeConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of everything a node zip is made from: plugin version, distribution bytes, the node's edited
 * and added files (so every effective setting), its overlay files, and the entry time when it is fixed.
 */
final class NodeFingerprint {
    private NodeFingerprint() {
    }

    static String of(String pluginVersion, String distributionSha256, NodeConfiguration configuration, Overlay overlay,
                     EntryTimes times, boolean timeFixed, FileDigests files) throws IOException {
        MessageDigest digest = Digests.sha256();
        Digests.updateFramed(digest, "wso2-cluster node v1");
        Digests.updateFramed(digest, pluginVersion);
        Digests.updateFramed(digest, distributionSha256);
        Digests.updateFramed(digest, timeFixed ? String.valueOf(times.instant().toEpochMilli()) : "time not fixed");
        for (Map.Entry<String, byte[]> file : new TreeMap<>(configuration.replaced()).entrySet()) {
            Digests.updateFramed(digest, "replaced " + file.getKey());
            digest.update(Digests.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, byte[]> file : new TreeMap<>(configuration.added()).entrySet()) {
            Digests.updateFramed(digest, "added " + file.getKey());
            digest.update(Digests.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, Path> file : overlay.files().entrySet()) {
            Digests.updateFramed(digest, "overlay " + file.getKey());
            digest.update(files.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
