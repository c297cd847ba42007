package io.github.wso2cluster.output;

import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster.json}: every node with its zip (file name, relative to the build directory, and its
 * {@link ZipIntegrity}: size, writtenFrom, writtenSha256), role, member address and effective ports. Keys in
 * a fixed order, no build times: reproducible.
 */
public final class ClusterManifest {
    public static final String FILE = "cluster.json";

    /** One node's zip as the manifest records it: its file name (in the build directory) and integrity record. */
    public record NodeZip(String id, String file, ZipIntegrity integrity) {
    }

    private ClusterManifest() {
    }

    /** @param zips the nodes' zips, in the cluster's node order */
    public static byte[] render(Cluster cluster, String distributionName, String distributionSha256,
                                List<NodeConfiguration> configurations, List<NodeZip> zips) {
        return render(cluster, null, distributionName, distributionSha256, configurations, zips);
    }

    /** @param product the product the nodes were built as (its line, version and format are recorded), or null */
    public static byte[] render(Cluster cluster, Product product, String distributionName, String distributionSha256,
                                List<NodeConfiguration> configurations, List<NodeZip> zips) {
        List<Node> nodes = cluster.nodes();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"domain\": ").append(cluster.domain() == null ? "null" : Json.string(cluster.domain())).append(",\n");
        json.append("  \"membershipScheme\": ").append(cluster.membershipScheme() == null ? "null"
                : Json.string(cluster.membershipScheme())).append(",\n");
        json.append("  \"distribution\": {\"file\": ").append(Json.string(distributionName))
                .append(", \"sha256\": ").append(Json.string(distributionSha256)).append("},\n");
        if (product != null) {
            json.append("  \"product\": {\"id\": ").append(Json.string(product.line().id()))
                    .append(", \"name\": ").append(Json.string(product.line().displayName()))
                    .append(", \"version\": ").append(Json.string(product.version()))
                    .append(", \"format\": ").append(Json.string(product.isToml() ? "deployment.toml" : "xml"))
                    .append(", \"description\": ").append(Json.string(product.describe())).append("},\n");
        }
        json.append("  \"wellKnownMembers\": [");
        for (int i = 0; i < cluster.wellKnownMembers().size(); i++) {
            json.append(i == 0 ? "" : ", ").append(Json.string(cluster.wellKnownMembers().get(i).toString()));
        }
        json.append("],\n  \"nodes\": [");
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            NodeConfiguration configuration = configurations.get(i);
            NodeZip zip = zips.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"id\": ").append(Json.string(node.id()))
                    .append(", \"role\": ").append(Json.string(node.role().id()))
                    .append(", \"zip\": ").append(Json.string(zip.file()))
                    .append(", \"size\": ").append(zip.integrity().size())
                    .append(", \"writtenFrom\": ").append(zip.integrity().writtenFrom())
                    .append(", \"writtenSha256\": ").append(Json.string(zip.integrity().writtenSha256()))
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

    /**
     * The node zips a manifest lists, in its order.
     *
     * @throws IOException when the file cannot be read or is not a manifest configure-cluster wrote (what is
     *                     wrong, with line and column)
     */
    public static List<NodeZip> read(Path manifest) throws IOException {
        Object document;
        try {
            document = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            throw new IOException(manifest + ": " + e.getMessage() + "; delete it and run configure-cluster again");
        }
        List<NodeZip> zips = new ArrayList<>();
        if (document instanceof Map<?, ?> root && root.get("nodes") instanceof List<?> nodes) {
            for (Object node : nodes) {
                if (node instanceof Map<?, ?> entry && entry.get("id") instanceof String id
                        && entry.get("zip") instanceof String file && entry.get("size") instanceof Number size
                        && entry.get("writtenFrom") instanceof Number from
                        && entry.get("writtenSha256") instanceof String sha256) {
                    zips.add(new NodeZip(id, file, new ZipIntegrity(size.longValue(), from.longValue(), sha256)));
                } else {
                    throw new IOException(manifest + ": a node without id, zip, size, writtenFrom and writtenSha256"
                            + " (written by an older plugin?); run configure-cluster again");
                }
            }
            return zips;
        }
        throw new IOException(manifest + " has no \"nodes\" list: it is not a cluster.json configure-cluster wrote");
    }
}
