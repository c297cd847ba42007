package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.topology.HostNames;
import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.ConfigPaths;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.config.NodeProperties;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What verify-cluster knows of one finished node, read from its real config files (not from the POM) through
 * the same views configure-cluster edits with: each value with the file and line it came from. Files that are
 * missing or malformed are recorded as read problems and their values are absent.
 */
public final class NodeFacts {
    private final NodeSnapshot snapshot;
    private final Map<String, XmlSource> files = new LinkedHashMap<>();
    private final List<String[]> readProblems = new ArrayList<>();
    private final Properties nodeProperties;
    /** A config file's values shown as another file's: the XML a deployment.toml renders, as deployment.toml. */
    private final Map<String, String> origins = new LinkedHashMap<>();
    /** The parsed deployment.toml of a deployment.toml product, else null. */
    private TomlSource toml;

    private NodeFacts(NodeSnapshot snapshot, Properties nodeProperties) {
        this.snapshot = snapshot;
        this.nodeProperties = nodeProperties;
    }

    /** Parses a node's files; the node is named by its node.properties id, else by {@code snapshot.name()}. */
    public static NodeFacts of(NodeSnapshot snapshot) {
        Properties properties = NodeProperties.read(snapshot.nodeProperties()).orElse(null);
        String id = properties == null ? null : properties.getProperty(NodeProperties.ID);
        NodeSnapshot named = id == null ? snapshot : new NodeSnapshot(id, snapshot.source(), snapshot.paths(),
                snapshot.files(), snapshot.nodeProperties(), snapshot.hazelcastBundles());
        NodeFacts facts = new NodeFacts(named, properties);
        byte[] deploymentToml = named.files().get(named.paths().deploymentToml());
        if (deploymentToml != null) {
            return facts.fromToml(deploymentToml);
        }
        for (String file : NodeFiles.configFiles(named.paths())) {
            byte[] bytes = named.files().get(file);
            try {
                if (bytes == null) {
                    if (NodeFiles.requiredFiles(named.paths()).contains(file)) {
                        facts.readProblems.add(new String[] {file, "the file is missing"});
                    }
                } else {
                    facts.files.put(file, XmlSource.parse(file, bytes));
                }
            } catch (ConfigFileException e) {
                facts.readProblems.add(new String[] {file, e.getMessage()});
            }
        }
        return facts;
    }

    /**
     * A deployment.toml product: its XML files are rendered from deployment.toml at every start, so the checks read
     * what deployment.toml says (see {@link TomlShadow}), each finding naming deployment.toml and its line.
     */
    private NodeFacts fromToml(byte[] bytes) {
        String path = paths().deploymentToml();
        try {
            toml = TomlSource.parse(path, bytes);
            Map<String, byte[]> shadow = TomlShadow.render(toml, paths(), TomlKeys.defaults(tomlRules()));
            for (Map.Entry<String, byte[]> file : shadow.entrySet()) {
                files.put(file.getKey(), XmlSource.parse(path, file.getValue()));
                origins.put(file.getKey(), path);
            }
        } catch (ConfigFileException e) {
            readProblems.add(new String[] {path, e.getMessage()});
        }
        return this;
    }

    /** Whether the node is a deployment.toml product (kernel 4.5+), whatever its deployment.toml's state. */
    public boolean isToml() {
        return snapshot.files().containsKey(paths().deploymentToml());
    }

    /** The parsed deployment.toml, when the node is a deployment.toml product and the file parses. */
    public Optional<TomlSource> toml() {
        return Optional.ofNullable(toml);
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

    /** The standard layout's files and node.properties by path (tests, and nodes built by hand). */
    public static NodeFacts of(String fallbackName, String source, Map<String, byte[]> contents) {
        return of(new NodeSnapshot(fallbackName, source, ConfigPaths.STANDARD, contents,
                contents.get(NodeFiles.NODE_PROPERTIES), List.of()));
    }

    /** A node whose zip or folder could not be read at all; {@code reason} says why. */
    static NodeFacts unreadable(String name, String source, String reason) {
        NodeFacts facts = new NodeFacts(new NodeSnapshot(name, source, ConfigPaths.STANDARD, Map.of(), null, List.of()), null);
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

    /** File names of the node's Hazelcast bundles (the kernel's Hazelcast version). */
    public List<String> hazelcastBundles() {
        return snapshot.hazelcastBundles();
    }

    /** [file, problem] pairs for config files that could not be read (file null: the whole node). */
    public List<String[]> readProblems() {
        return readProblems;
    }

    public Optional<XmlSource> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private FileValues values(String path) {
        return new FileValues(origins.getOrDefault(path, path), files.get(path));
    }

    /** axis2.xml's clustering values. */
    public Axis2Facts axis2() {
        return new Axis2Facts(values(paths().axis2()));
    }

    /** carbon.xml's values. */
    public CarbonFacts carbon() {
        return new CarbonFacts(values(paths().carbon()));
    }

    /** master-datasources.xml, registry.xml and user-mgt.xml. */
    public DatabaseFacts databases() {
        return new DatabaseFacts(values(paths().datasources()), values(paths().registry()), values(paths().userManagement()));
    }

    /** The node's {@code cluster/hosts} lines (configure-cluster's hostsEntries), or none. */
    public List<String> hostsEntries() {
        byte[] hosts = snapshot.files().get(NodeFiles.HOSTS);
        return hosts == null ? List.of() : new String(hosts, java.nio.charset.StandardCharsets.UTF_8).lines()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Manager or worker: node.properties, else an enabled synchronizer that commits, else the subDomain. */
    public Optional<Role> role() {
        if (roleDeclared()) {
            return Role.parse(nodeProperties.getProperty(NodeProperties.ROLE));
        }
        Located commit = carbon().synchronizer(CarbonServer.AUTO_COMMIT);
        if ("true".equals(carbon().synchronizer(CarbonServer.ENABLED).value()) && commit.present()) {
            return Optional.of("true".equals(commit.value()) ? Role.MANAGER : Role.WORKER);
        }
        String sub = axis2().subDomain().value();
        return List.of(Role.values()).stream().filter(r -> r.defaultSubDomain().equals(sub)).findFirst();
    }

    /** Whether {@link #role()} came from node.properties (so the subDomain can be checked against it). */
    public boolean roleDeclared() {
        return nodeProperties != null && nodeProperties.getProperty(NodeProperties.ROLE) != null;
    }

    /** The ports this node opens on its host, after the offset; the member port is never offset. */
    public Map<String, Integer> openPorts() {
        CarbonFacts carbon = carbon();
        int offset = carbon.portOffset();
        Map<String, Integer> ports = new LinkedHashMap<>();
        CatalinaServer.WebPorts web = CatalinaServer.webPorts(files.get(paths().catalina()), offset);
        ports.put("HTTP", web.http());
        ports.put("HTTPS", web.https());
        ports.put("JMX RMI registry", carbon.jmxPort(CarbonServer.JMX_REGISTRY_PORT, Ports.STOCK_JMX_REGISTRY) + offset);
        ports.put("JMX RMI server", carbon.jmxPort(CarbonServer.JMX_SERVER_PORT, Ports.STOCK_JMX_SERVER) + offset);
        axis2().memberAddress().ifPresent(member -> ports.put("cluster member", member.port()));
        return ports;
    }

    // ---- catalina-server.xml

    /** The Engine's {@code jvmRoute} (session affinity route); absent value when not set. */
    public Located jvmRoute() {
        FileValues catalina = values(paths().catalina());
        return catalina.at(catalina.source().flatMap(s -> new CatalinaServer(s).engine()),
                e -> e.attributeValue(CatalinaServer.JVM_ROUTE));
    }

    /** The address the load balancer reaches this node's web port on: its localMemberHost and HTTP(S) port. */
    public Optional<String> webAddress(boolean secure) {
        return axis2().memberAddress().map(member -> HostNames.address(member.host(), openPorts().get(secure ? "HTTPS" : "HTTP")));
    }

    /** proxyPort of the first HTTP (secure=false) or HTTPS connector; absent value when not set. */
    public Located proxyPort(boolean secure) {
        FileValues catalina = values(paths().catalina());
        return catalina.at(catalina.source().flatMap(s -> new CatalinaServer(s).connector(secure)), CatalinaServer::proxyPort);
    }
}
