package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.topology.HostNames;
import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.NodeProperties;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ApimPort;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.product.TomlLocations;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.settings.SettingsReader;
import io.github.wso2cluster.settings.TomlNodeSettings;
import io.github.wso2cluster.settings.XmlNodeSettings;
import io.github.wso2cluster.settings.XmlValues;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.PortPlan;
import io.github.wso2cluster.topology.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What verify-cluster knows of one finished node, read from its real config files (not from the POM): the
 * product it is, and its {@link NodeSettings} in the node's own format, each value with the file and line it came
 * from. Files that are missing or malformed are recorded as read problems and their values are absent.
 */
public final class NodeFacts {
    private final NodeSnapshot snapshot;
    private final Map<String, XmlSource> files = new LinkedHashMap<>();
    private final List<String[]> readProblems = new ArrayList<>();
    private final Properties nodeProperties;
    private NodeSettings settings;

    private NodeFacts(NodeSnapshot snapshot, Properties nodeProperties) {
        this.snapshot = snapshot;
        this.nodeProperties = nodeProperties;
    }

    /** Parses a node's files; the node is named by its node.properties id, else by {@code snapshot.name()}. */
    public static NodeFacts of(NodeSnapshot snapshot) {
        Properties properties = NodeProperties.read(snapshot.nodeProperties()).orElse(null);
        String id = properties == null ? null : properties.getProperty(NodeProperties.ID);
        NodeSnapshot named = recordedProduct(id == null ? snapshot : snapshot.named(id), properties);
        NodeFacts facts = new NodeFacts(named, properties);
        SettingsReader.Read read = SettingsReader.read(named.product(), named.files(),
                named.product().isToml() ? TomlKeys.defaults(facts.tomlRules()) : Map.of());
        facts.settings = read.settings();
        facts.files.putAll(read.xml());
        facts.readProblems.addAll(read.problems());
        return facts;
    }

    /**
     * The product line configure-cluster built the node as (a POM's {@code <product>} may have overridden the
     * recognition), when its node.properties records a known one.
     */
    private static NodeSnapshot recordedProduct(NodeSnapshot snapshot, Properties properties) {
        String line = properties == null ? null : properties.getProperty(NodeProperties.PRODUCT);
        return io.github.wso2cluster.product.ProductLine.byId(line == null ? "" : line.trim())
                .filter(l -> l != snapshot.product().line())
                .map(l -> new NodeSnapshot(snapshot.name(), snapshot.source(), snapshot.product().withLine(l),
                        snapshot.files(), snapshot.nodeProperties(), snapshot.hazelcastBundles()))
                .orElse(snapshot);
    }

    /** The standard layout's files and node.properties by path (tests, and nodes built by hand). */
    public static NodeFacts of(String fallbackName, String source, Map<String, byte[]> contents) {
        return of(NodeSnapshot.of(fallbackName, source, ConfigPaths.STANDARD, contents,
                contents.get(NodeFiles.NODE_PROPERTIES), List.of()));
    }

    /** A node whose zip or folder could not be read at all; {@code reason} says why. */
    static NodeFacts unreadable(String name, String source, String reason) {
        NodeFacts facts = new NodeFacts(NodeSnapshot.of(name, source, ConfigPaths.STANDARD, Map.of(), null, List.of()), null);
        facts.settings = new XmlNodeSettings(ConfigPaths.STANDARD, Map.of());
        facts.readProblems.add(new String[] {null, reason});
        return facts;
    }

    public String name() {
        return snapshot.name();
    }

    /** Where the node was read from (zip or folder). */
    public String source() {
        return snapshot.source();
    }

    public ConfigPaths paths() {
        return snapshot.paths();
    }

    /** The product the node is, recognised from its own files. */
    public Product product() {
        return snapshot.product();
    }

    /** What the node's configuration says about the cluster, in its own format. */
    public NodeSettings settings() {
        return settings;
    }

    /** Whether the node is a deployment.toml product (kernel 4.5+), whatever its deployment.toml's state. */
    public boolean isToml() {
        return product().isToml();
    }

    /** The parsed deployment.toml, when the node is a deployment.toml product and the file parses. */
    public Optional<TomlSource> toml() {
        return settings instanceof TomlNodeSettings toml ? toml.toml() : Optional.empty();
    }

    /** The product's templates and JSON rules by path (deployment.toml products). */
    public Map<String, byte[]> tomlRules() {
        Map<String, byte[]> rules = new LinkedHashMap<>();
        snapshot.files().forEach((path, bytes) -> {
            if (NodeFiles.isRule(path, paths())) {
                rules.put(path, bytes);
            }
        });
        return rules;
    }

    /**
     * A file verify-cluster read from the node beyond the parsed config files (the secure vault's properties, the
     * keystores), by path under the top folder.
     */
    /** A value of the node's node.properties, when it has one (nodes built elsewhere have none). */
    public Optional<String> nodeProperty(String key) {
        return Optional.ofNullable(nodeProperties == null ? null : nodeProperties.getProperty(key));
    }

    public Optional<byte[]> raw(String path) {
        return Optional.ofNullable(snapshot.files().get(path));
    }

    /** The keystore and truststore files the node holds, by path (repository/resources/security). */
    public Map<String, byte[]> keystoreFiles() {
        Map<String, byte[]> stores = new LinkedHashMap<>();
        snapshot.files().forEach((path, bytes) -> {
            if (SecurityFiles.isKeystore(path)) {
                stores.put(path, bytes);
            }
        });
        return stores;
    }

    /** File names of the node's Hazelcast bundles (the kernel's Hazelcast version). */
    public List<String> hazelcastBundles() {
        return snapshot.hazelcastBundles();
    }

    /** [file, problem] pairs for config files that could not be read (file null: the whole node). */
    public List<String[]> readProblems() {
        return readProblems;
    }

    /** A parsed XML config file of a Carbon 4.x node (deployment.toml products have none to read). */
    public Optional<XmlSource> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The datasources, registry.xml and user-mgt.xml. */
    public DatabaseFacts databases() {
        return new DatabaseFacts(settings, new XmlValues(paths().registry(), files.get(paths().registry())),
                new XmlValues(paths().userManagement(), files.get(paths().userManagement())));
    }

    /** The node's {@code cluster/hosts} lines (configure-cluster's hostsEntries), or none. */
    public List<String> hostsEntries() {
        byte[] hosts = snapshot.files().get(NodeFiles.HOSTS);
        return hosts == null ? List.of() : new String(hosts, StandardCharsets.UTF_8).lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Manager or worker: node.properties, else an enabled synchronizer that commits, else the subDomain. */
    public Optional<Role> role() {
        if (roleDeclared()) {
            return Role.parse(nodeProperties.getProperty(NodeProperties.ROLE));
        }
        Located commit = settings.synchronizer(CarbonServer.AUTO_COMMIT);
        if ("true".equals(settings.synchronizer(CarbonServer.ENABLED).value()) && commit.present()) {
            return Optional.of("true".equals(commit.value()) ? Role.MANAGER : Role.WORKER);
        }
        String sub = settings.subDomain().value();
        return List.of(Role.values()).stream().filter(r -> r.defaultSubDomain().equals(sub)).findFirst();
    }

    /** Whether {@link #role()} came from node.properties (so the subDomain can be checked against it). */
    public boolean roleDeclared() {
        return nodeProperties != null && nodeProperties.getProperty(NodeProperties.ROLE) != null;
    }

    /** The ports this node opens on its host, after the offset; the member port is never offset. */
    public Map<String, Integer> openPorts() {
        return portPlan().ports();
    }

    /**
     * Whether the node clusters through Hazelcast: not Micro Integrator, and API Manager 3.x/4.x only with
     * {@code [clustering] membership_scheme} (WSO2 runs them without it).
     */
    public boolean hazelcast() {
        if (!product().hazelcast() || !ApimProfiles.applies(product())) {
            return product().hazelcast();
        }
        return toml().flatMap(t -> t.value(TomlLocations.key(Setting.MEMBERSHIP_SCHEME))).isPresent();
    }

    /**
     * Every port the node opens; a node without Hazelcast opens no member port, and its host is the
     * localMemberHost node.properties records (its files name none), else unknown.
     */
    public PortPlan portPlan() {
        PortPlan plan = settings.portPlan(name());
        if (hazelcast()) {
            return plan;
        }
        java.util.Map<String, Integer> ports = new java.util.LinkedHashMap<>(plan.ports());
        ports.remove(PortPlan.MEMBER);
        String host = nodeProperties == null ? null : nodeProperties.getProperty(Axis2Clustering.LOCAL_MEMBER_HOST);
        return new PortPlan(plan.node(), host, ports);
    }

    /** This node's own member address, when host and port are readable. */
    public Optional<MemberAddress> memberAddress() {
        return settings.memberAddress();
    }

    /** The address the load balancer reaches this node's web port on: its localMemberHost and HTTP(S) port. */
    public Optional<String> webAddress(boolean secure) {
        return host().map(host -> HostNames.address(host, openPorts().get(secure ? "HTTPS" : "HTTP")));
    }

    /**
     * The address the load balancer's {@code hostName} reaches this node on: its web port, but API Manager 3.x/4.x
     * serves API calls on its pass-through ports (8280/8243 + offset).
     */
    public Optional<String> servedAddress(boolean secure) {
        if (!ApimProfiles.applies(product())) {
            return webAddress(secure);
        }
        ApimPort port = secure ? ApimPort.PASS_THROUGH_HTTPS : ApimPort.PASS_THROUGH_HTTP;
        return host().map(host -> HostNames.address(host, port.on(settings.portOffset())));
    }

    /** The host the node runs on: its member host, or without Hazelcast the one node.properties records. */
    private Optional<String> host() {
        return hazelcast() ? memberAddress().map(MemberAddress::host) : Optional.ofNullable(portPlan().host());
    }
}
