package io.github.wso2cluster.verify;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.output.ZipIntegrity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes a verify-cluster run reads: those {@code archives} names, else the zips this build's cluster.json
 * lists, each with the integrity record kept there (a zip replaced or damaged since is then named as such).
 *
 * @param paths          the node zips and folders, in order
 * @param recorded       what cluster.json records of this build's zips (none for archives)
 * @param fromArchives   whether the nodes were given with {@code archives}, so were made elsewhere
 */
record NodeSources(List<Path> paths, Map<Path, ZipIntegrity> recorded, boolean fromArchives) {

    static NodeSources of(VerifyRequest request, OutputLayout layout) throws VerifyException {
        if (request.archives() != null) {
            return new NodeSources(archives(request), Map.of(), true);
        }
        if (request.standalone()) {
            throw new VerifyException("Without a pom.xml, say which nodes to check: -D" + UserProperties.ARCHIVES
                    + "=node1.zip,node2.zip,unpacked-node3/");
        }
        Path manifest = layout.manifest();
        if (!Files.isRegularFile(manifest)) {
            throw new VerifyException("No " + manifest + ": run configure-cluster first (it runs in the package"
                    + " phase, so 'mvn verify' runs both), or give the node zips with <archives>");
        }
        try {
            List<Path> zips = new ArrayList<>();
            Map<Path, ZipIntegrity> recorded = new LinkedHashMap<>();
            for (ClusterManifest.NodeZip zip : ClusterManifest.read(manifest)) {
                Path path = layout.buildDirectory().resolve(zip.file()).normalize();
                zips.add(path);
                recorded.put(path, zip.integrity());
            }
            return new NodeSources(zips, recorded, false);
        } catch (IOException e) {
            throw new VerifyException("Cannot read " + manifest + ": " + e.getMessage());
        }
    }

    private static List<Path> archives(VerifyRequest request) throws VerifyException {
        List<Path> paths = new ArrayList<>();
        Map<Path, String> seen = new LinkedHashMap<>();
        for (String item : request.archives().split(",")) {
            if (item.isBlank()) {
                continue;
            }
            Path path = request.base().resolve(item.trim()).normalize();
            String earlier = seen.putIfAbsent(path, item.trim());
            if (earlier != null) {
                throw new VerifyException("archives names the node " + path + " twice ('" + earlier + "' and '"
                        + item.trim() + "'); give each node once");
            }
            paths.add(path);
        }
        if (paths.isEmpty()) {
            throw new VerifyException("archives ('" + request.archives() + "') names no node: a cluster check over no"
                    + " node would pass on nothing; give node zips or unpacked node folders, e.g. -D"
                    + UserProperties.ARCHIVES + "=node1.zip,node2.zip");
        }
        return paths;
    }
}
