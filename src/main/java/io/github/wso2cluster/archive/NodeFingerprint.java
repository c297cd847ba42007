package io.github.wso2cluster.archive;

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
                     EntryTimes times, boolean timeFixed) throws IOException {
        MessageDigest digest = Digests.sha256();
        update(digest, "wso2-cluster node v1");
        update(digest, pluginVersion);
        update(digest, distributionSha256);
        update(digest, timeFixed ? String.valueOf(times.instant().toEpochMilli()) : "time not fixed");
        for (Map.Entry<String, byte[]> file : new TreeMap<>(configuration.replaced()).entrySet()) {
            update(digest, "replaced " + file.getKey());
            digest.update(Digests.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, byte[]> file : new TreeMap<>(configuration.added()).entrySet()) {
            update(digest, "added " + file.getKey());
            digest.update(Digests.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        for (Map.Entry<String, Path> file : overlay.files().entrySet()) {
            update(digest, "overlay " + file.getKey());
            digest.update(Digests.sha256(file.getValue()).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
