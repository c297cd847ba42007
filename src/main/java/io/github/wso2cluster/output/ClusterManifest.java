package io.github.wso2cluster.archive;

import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code cluster.json}: every node with its zip (file name, relative to the build directory), SHA-256,
 * role, member address and effective ports. Keys in a fixed order, no build times: reproducible.
 */
public final class ClusterManifest {
    private ClusterManifest() {
    }

    public static byte[] render(Cluster cluster, String distributionName, String distributionSha256,
                                List<NodeConfiguration> configurations, List<AssembledNode> zips) {
        List<Node> nodes = cluster.nodes();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"domain\": ").append(Json.string(cluster.domain())).append(",\n");
        json.append("  \"membershipScheme\": ").append(Json.string(cluster.membershipScheme())).append(",\n");
        json.append("  \"distribution\": {\"file\": ").append(Json.string(distributionName))
                .append(", \"sha256\": ").append(Json.string(distributionSha256)).append("},\n");
        json.append("  \"wellKnownMembers\": [");
        for (int i = 0; i < cluster.wellKnownMembers().size(); i++) {
            json.append(i == 0 ? "" : ", ").append(Json.string(cluster.wellKnownMembers().get(i).toString()));
        }
        json.append("],\n  \"nodes\": [");
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            NodeConfiguration configuration = configurations.get(i);
            AssembledNode zip = zips.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"id\": ").append(Json.string(node.id()))
                    .append(", \"role\": ").append(Json.string(node.role().id()))
                    .append(", \"zip\": ").append(Json.string(zip.zip().getFileName().toString()))
                    .append(", \"sha256\": ").append(Json.string(zip.sha256()))
                    .append(", \"member\": ").append(Json.string(node.memberAddress().toString()))
                    .append(", \"localMemberHost\": ").append(Json.string(node.localMemberHost()))
                    .append(", \"localMemberPort\": ").append(node.localMemberPort())
                    .append(", \"subDomain\": ").append(Json.string(node.subDomain()))
                    .append(", \"portOffset\": ").append(node.portOffset())
                    .append(", \"httpPort\": ").append(configuration.ports().http())
                    .append(", \"httpsPort\": ").append(configuration.ports().https())
                    .append("}");
        }
        json.append("\n  ]\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
