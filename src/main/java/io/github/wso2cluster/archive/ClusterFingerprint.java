package io.github.wso2cluster.archive;

import io.github.wso2cluster.topology.Cluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of every input of a whole configure-cluster run, computed without opening the distribution:
 * plugin version, distribution SHA-256, the validated cluster (every effective setting), the SVN password
 * (hashed: the cluster's text masks it), every overlay file, names and paths of the outputs, and the fixed
 * time. Equal digests and untouched zips mean there is nothing to do.
 */
final class ClusterFingerprint {
    private ClusterFingerprint() {
    }

    static String of(Cluster cluster, ClusterAssembly.Request request) throws IOException {
        MessageDigest digest = Digests.sha256();
        update(digest, "wso2-cluster cluster v1");
        update(digest, request.pluginVersion());
        update(digest, request.distributionSha256());
        update(digest, request.distributionFile().getFileName().toString());
        update(digest, request.outputDirectory().toAbsolutePath().normalize().toString());
        update(digest, request.finalName());
        update(digest, request.manifest().toAbsolutePath().normalize().toString());
        update(digest, request.timeFixed() ? String.valueOf(request.times().instant().toEpochMilli()) : "time not fixed");
        update(digest, cluster.toString());
        if (cluster.deploymentSynchronizer() != null && cluster.deploymentSynchronizer().svnPassword() != null) {
            update(digest, Digests.sha256(cluster.deploymentSynchronizer().svnPassword().reveal()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        Path overlays = request.overlayRoot();
        if (overlays != null && Files.isDirectory(overlays)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(overlays)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                update(digest, overlays.relativize(file).toString().replace('\\', '/'));
                update(digest, Digests.sha256(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
