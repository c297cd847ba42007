package io.github.wso2cluster.archive;

import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.vault.Passwords;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.database.SharedDatabase;
import java.util.Arrays;
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
 * and database passwords (hashed: the cluster's text masks them), the driver jar, every overlay file, names and paths of the outputs, and the fixed
 * time. Equal digests and untouched zips mean there is nothing to do.
 */
final class ClusterFingerprint {
    private ClusterFingerprint() {
    }

    static String of(Cluster cluster, ClusterAssembly.Request request, FileDigests digests) throws IOException {
        MessageDigest digest = Digests.sha256();
        Digests.updateFramed(digest, "wso2-cluster cluster v1");
        Digests.updateFramed(digest, request.pluginVersion());
        Digests.updateFramed(digest, request.distributionSha256());
        Digests.updateFramed(digest, request.distributionFile().getFileName().toString());
        Digests.updateFramed(digest, request.layout().buildDirectory().toAbsolutePath().normalize().toString());
        Digests.updateFramed(digest, request.layout().finalName());
        Digests.updateFramed(digest, request.timeFixed() ? String.valueOf(request.times().instant().toEpochMilli()) : "time not fixed");
        Digests.updateFramed(digest, cluster.toString());
        if (cluster.deploymentSynchronizer() != null && cluster.deploymentSynchronizer().svnPassword() != null) {
            Digests.updateFramed(digest, Digests.sha256(cluster.deploymentSynchronizer().svnPassword().reveal()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        Databases databases = cluster.databases();
        if (databases != null) {
            for (SharedDatabase database : Arrays.asList(databases.registry(), databases.userStore())) {
                Digests.updateFramed(digest, database == null ? "-" : Digests.sha256(database.password().reveal()
                        .getBytes(StandardCharsets.UTF_8)));
            }
            Digests.updateFramed(digest, databases.driverJar() == null ? "-" : digests.sha256(databases.driverJar()));
        }
        if (cluster.secureVault() != null) {
            // The vault's secrets: hashed like the passwords above (the cluster's text masks them).
            for (Secret secret : Passwords.supplied(cluster).stream().map(Secret::of).toList()) {
                Digests.updateFramed(digest, Digests.sha256(secret.reveal().getBytes(StandardCharsets.UTF_8)));
            }
        }
        Path overlays = request.overlayRoot();
        if (overlays != null && Files.isDirectory(overlays)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(overlays)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                Digests.updateFramed(digest, overlays.relativize(file).toString().replace('\\', '/'));
                Digests.updateFramed(digest, digests.sha256(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
