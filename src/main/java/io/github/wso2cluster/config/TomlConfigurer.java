package io.github.wso2cluster.config;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.DatabaseTypes;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.product.TomlLocations;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.SessionAffinity;
import io.github.wso2cluster.topology.TomlEdit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a deployment.toml product (kernel 4.5 and later: Identity Server 5.9+, API Manager 3 and 4): the
 * server renders axis2.xml, carbon.xml and catalina-server.xml from {@code <conf>/deployment.toml} at every
 * start, overwriting edits to them, so the cluster's settings go into deployment.toml, surgically, and the XML
 * files are left alone.
 */
public final class TomlConfigurer {
    /** WSO2's name of the user store datasource the templates render (JNDI jdbc/WSO2USER_DB). */
    public static final String USER_DATASOURCE = DatabaseNames.TOML_USER_DATASOURCE;
    static final String MGT_CONSOLE_HOSTNAME = TomlLocations.key(Setting.MGT_HOST_NAME);

    private TomlConfigurer() {
    }

    /**
     * What the POM asks for that a deployment.toml product has no place for: every problem, each saying why and
     * what to use instead; empty when the cluster fits.
     *
     * @param carbonTemplate the distribution's carbon.xml.j2, or null when it has none
     */
    public static List<String> unsupported(Cluster cluster, String carbonTemplate) {
        List<String> problems = new ArrayList<>();
        if (cluster.deploymentSynchronizer() != null) {
            problems.add("deploymentSynchronizer: deployment.toml products have no SVN deployment synchronizer (their"
                    + " templates switch it off); remove it and share deployments another way (a shared file system or"
                    + " your CI)");
        }
        if (!cluster.xmlEdits().isEmpty() || cluster.nodes().stream().anyMatch(n -> !n.xmlEdits().isEmpty())) {
            problems.add("xmlEdits: this distribution renders its XML files from deployment.toml at every start,"
                    + " overwriting edits to them; use <tomlEdits> (a dotted key and a TOML value) instead");
        }
        for (Node node : cluster.nodes()) {
            if (node.subDomainGiven()) {
                problems.add("node '" + node.id() + "': subDomain has no deployment.toml counterpart (every template"
                        + " hard-codes subDomain worker); remove it");
            }
        }
        boolean mgtHost = cluster.nodes().stream().anyMatch(n -> n.isManager() && n.mgtHostName() != null);
        if (mgtHost && (carbonTemplate == null || !carbonTemplate.contains(MGT_CONSOLE_HOSTNAME))) {
            problems.add("mgtHostName: this distribution's carbon.xml.j2 does not read " + MGT_CONSOLE_HOSTNAME
                    + " (its MgtHostName follows server.hostname); remove mgtHostName, or set the key its template reads"
                    + " with a <tomlEdit>");
        }
        if (cluster.databases() != null && cluster.databases().registry() != null
                && cluster.databases().registry().mountTargetGiven()) {
            problems.add("databases/registry/mountTarget: deployment.toml products have no registry mount setting"
                    + " ([database.shared_db] holds the whole shared registry); remove mountTarget");
        }
        if (cluster.loadBalancer() != null && cluster.loadBalancer().sessionAffinity() == SessionAffinity.ROUTE) {
            problems.add("loadBalancer/sessionAffinity: route sets catalina-server.xml's jvmRoute, which this distribution"
                    + " renders from deployment.toml without one; use hash or none");
        }
        return problems;
    }

    /** Edits the node's deployment.toml; {@code bytes} is the file as the node's tree has it (overlays applied). */
    public static NodeConfiguration configure(Cluster cluster, Node node, ConfigPaths paths, byte[] bytes)
            throws ConfigFileException {
        return configure(cluster, node, new Product(ProductLine.CARBON, "", ConfigFormat.TOML, paths), bytes);
    }

    /** @param product the distribution's product: Micro Integrator gets no Hazelcast {@code [clustering]} */
    public static NodeConfiguration configure(Cluster cluster, Node node, Product product, byte[] bytes)
            throws ConfigFileException {
        return configure(cluster, node, product, bytes, DatabaseTypes.defaults());
    }

    /** @param types the database type names the product's infer.json knows ({@code [database.*] type}) */
    public static NodeConfiguration configure(Cluster cluster, Node node, Product product, byte[] bytes,
                                              DatabaseTypes types) throws ConfigFileException {
        ConfigPaths paths = product.paths();
        String path = paths.deploymentToml();
        TomlSource source = TomlSource.parse(path, bytes);
        TomlEditor editor = new TomlEditor(source);
        List<String> warnings = new ArrayList<>();

        // API Manager 3.x/4.x run without Hazelcast: only an explicit membershipScheme writes [clustering].
        if (product.hazelcast() && cluster.membershipScheme() != null) {
            editor.set(key(Setting.MEMBERSHIP_SCHEME), string(cluster.membershipScheme()));
            editor.set(key(Setting.DOMAIN), string(cluster.domain()));
            editor.set(key(Setting.LOCAL_MEMBER_HOST), string(node.localMemberHost()));
            // A string, as WSO2's documentation and templates write it.
            editor.set(key(Setting.LOCAL_MEMBER_PORT), string(String.valueOf(node.localMemberPort())));
            editor.set(key(Setting.MEMBERS), array(cluster.wellKnownMembers().stream().map(MemberAddress::toString).toList()));
        }
        if (node.hostName() != null) {
            editor.set(key(Setting.HOST_NAME), string(node.hostName()));
        }
        if (node.isManager() && node.mgtHostName() != null) {
            editor.set(key(Setting.MGT_HOST_NAME), string(node.mgtHostName()));
        }
        String offsetKey = key(Setting.PORT_OFFSET);
        Optional<Object> shippedOffset = source.value(offsetKey);
        if (node.portOffsetGiven()) {
            editor.set(offsetKey, String.valueOf(node.portOffset()));
        } else if (shippedOffset.isPresent() && !String.valueOf(shippedOffset.get()).equals("0")) {
            warnings.add(path + ":" + source.lineOf(offsetKey) + ": the distribution ships [server] offset "
                    + shippedOffset.get() + "; it becomes 0 because the POM gives this node no portOffset (set <portOffset>"
                    + shippedOffset.get() + "</portOffset> to keep it)");
            editor.set(offsetKey, "0");
        }
        if (cluster.proxyPorts() != null) {
            if (cluster.proxyPorts().http() != null) {
                editor.set(key(Setting.HTTP_PROXY_PORT), String.valueOf(cluster.proxyPorts().http()));
            }
            if (cluster.proxyPorts().https() != null) {
                editor.set(key(Setting.HTTPS_PROXY_PORT), String.valueOf(cluster.proxyPorts().https()));
            }
        }
        TomlDatabases.tables(editor, cluster, types);
        for (TomlEdit edit : cluster.tomlEdits()) {
            editor.set(edit.key(), edit.value());
        }

        List<String> changes = new ArrayList<>(editor.changes());
        String result = editor.changed() ? editor.result() : source.text();
        result = TomlDatabases.coordination(path, result, cluster, node, changes);
        result = io.github.wso2cluster.config.apim.ApimConfigurer.wire(path, result, cluster, node, product, changes);
        java.util.Map<String, byte[]> replaced = new java.util.LinkedHashMap<>();
        if (!result.equals(source.text())) {
            replaced.put(path, source.encode(result)); // a byte-order mark stays, as on the XML files
        }
        TomlSource after = TomlSource.parse(path, result);
        int offset = node.portOffsetGiven() ? node.portOffset() : 0;
        CatalinaServer.WebPorts ports = new CatalinaServer.WebPorts(port(after, key(Setting.HTTP_PORT), Ports.STOCK_HTTP)
                + offset, port(after, key(Setting.HTTPS_PORT), Ports.STOCK_HTTPS) + offset);
        java.util.Map<String, byte[]> added = new java.util.LinkedHashMap<>();
        added.put(NodeProperties.PATH, NodeProperties.write(cluster, node, ports, product));
        if (!cluster.hostsEntries().isEmpty()) {
            added.put("cluster/hosts", (String.join("\n", cluster.hostsEntries()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new NodeConfiguration(replaced, added, ports, changes, warnings, true);
    }

    private static String key(Setting setting) {
        return TomlLocations.key(setting);
    }

    private static int port(TomlSource source, String key, int fallback) {
        return source.value(key).map(String::valueOf).flatMap(Ports::parse).orElse(fallback);
    }

    /** A TOML basic string. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static String array(List<String> values) {
        return "[" + String.join(", ", values.stream().map(TomlConfigurer::string).toList()) + "]";
    }
}
