package io.github.wso2cluster.config;

import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.ProductRoles;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code cluster/node.properties}, written by configure-cluster into every node zip and read back by
 * verify-cluster: the node's id, role, member address, ports and configuration directory. Its keys are named
 * after the settings they record.
 */
public final class NodeProperties {
    public static final String PATH = "cluster/node.properties";
    public static final String ID = "id";
    public static final String ROLE = "role";
    public static final String CONF_DIRECTORY = "confDirectory";
    /** The product line ({@code identity-server}) and version configure-cluster built the node as. */
    public static final String PRODUCT = "product";
    public static final String PRODUCT_VERSION = "productVersion";
    /** API Manager: the profile the node is ({@code gateway-worker}), to start it with {@code -Dprofile=}. */
    public static final String PROFILE = "profile";

    private NodeProperties() {
    }

    /** The file's properties; empty when it is absent or unreadable. */
    public static Optional<Properties> read(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
            return Optional.of(properties);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A fixed key order and no date comment (unlike Properties), so the bytes are reproducible. */
    public static byte[] write(Cluster cluster, Node node, CatalinaServer.WebPorts ports, ConfigPaths paths) {
        return write(cluster, node, ports, paths, null);
    }

    /** @param product the product the node was built as (recorded for verify-cluster and the reports), or null */
    public static byte[] write(Cluster cluster, Node node, CatalinaServer.WebPorts ports, Product product) {
        return write(cluster, node, ports, product.paths(), product);
    }

    private static byte[] write(Cluster cluster, Node node, CatalinaServer.WebPorts ports, ConfigPaths paths,
                                Product product) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ID, node.id());
        values.put(ROLE, node.role().id());
        if (cluster.domain() != null) {
            values.put(Axis2Clustering.DOMAIN, cluster.domain()); // Micro Integrator has none
        }
        values.put(Axis2Clustering.LOCAL_MEMBER_HOST, node.localMemberHost());
        values.put(Axis2Clustering.LOCAL_MEMBER_PORT, String.valueOf(node.localMemberPort()));
        values.put("portOffset", String.valueOf(node.portOffset()));
        values.put("httpPort", String.valueOf(ports.http()));
        values.put("httpsPort", String.valueOf(ports.https()));
        // verify-cluster reads the config files from here (EI 6.x profiles keep them outside repository/conf).
        values.put(CONF_DIRECTORY, paths.conf());
        if (product != null) {
            values.put(PRODUCT, product.line().id());
            values.put(PRODUCT_VERSION, product.version());
            if (ApimProfiles.applies(product)) {
                // Start the node with -Dprofile=<profile> (never --optimize, which replaces the configured file).
                values.put(PROFILE, ApimProfiles.profile(product, ProductRoles.effective(product, node.role())));
            }
        }
        StringBuilder text = new StringBuilder("# Written by wso2-cluster-maven-plugin\n");
        values.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\f') {
                out.append("\\f");
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c > 0xFF) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
