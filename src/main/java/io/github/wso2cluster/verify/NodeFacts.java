package io.github.wso2cluster.verify;

import io.github.wso2cluster.config.CatalinaConfigurer;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.ConfigPaths;
import io.github.wso2cluster.config.XmlComment;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.Role;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What verify-cluster knows of one finished node, read from its real config files (not from the POM):
 * each value with the file and line it came from. Files that are missing or malformed are recorded as
 * read problems and their values are absent.
 */
public final class NodeFacts {
    private final String name;
    private final String source;
    private final Map<String, XmlSource> files;
    private final List<String[]> readProblems;
    private final Properties nodeProperties;
    private final List<String> hazelcastBundles;
    private final ConfigPaths paths;

    private NodeFacts(String name, String source, ConfigPaths paths, Map<String, XmlSource> files,
                      List<String[]> readProblems, Properties nodeProperties, List<String> hazelcastBundles) {
        this.name = name;
        this.paths = paths;
        this.source = source;
        this.files = files;
        this.readProblems = readProblems;
        this.nodeProperties = nodeProperties;
        this.hazelcastBundles = hazelcastBundles;
    }

    /**
     * @param fallbackName the zip's or folder's name, used when {@code cluster/node.properties} has no id
     * @param contents     the config files and {@code cluster/node.properties} (absent ones absent)
     */
    public static NodeFacts of(String fallbackName, String source, Map<String, byte[]> contents) {
        return of(fallbackName, source, ConfigPaths.STANDARD, contents);
    }

    /** A node whose zip or folder could not be read at all; {@code reason} says why. */
    static NodeFacts unreadable(String name, String source, String reason) {
        List<String[]> problems = new ArrayList<>();
        problems.add(new String[] {null, reason});
        return new NodeFacts(name, source, ConfigPaths.STANDARD, Map.of(), problems, null, List.of());
    }

    /** @param paths where this node keeps its config files (keys of {@code contents}) */
    public static NodeFacts of(String fallbackName, String source, ConfigPaths paths, Map<String, byte[]> contents) {
        Properties properties = null;
        byte[] propertyBytes = contents.get(NodeFiles.NODE_PROPERTIES);
        if (propertyBytes != null) {
            properties = new Properties();
            try {
                properties.load(new StringReader(new String(propertyBytes, StandardCharsets.ISO_8859_1)));
            } catch (IOException | IllegalArgumentException e) {
                properties = null;
            }
        }
        String name = properties != null && properties.getProperty("id") != null
                ? properties.getProperty("id") : fallbackName;
        Map<String, XmlSource> files = new LinkedHashMap<>();
        List<String[]> problems = new ArrayList<>();
        for (String file : NodeFiles.configFiles(paths)) {
            byte[] bytes = contents.get(file);
            if (bytes == null) {
                problems.add(new String[] {file, "the file is missing"});
                continue;
            }
            try {
                files.put(file, XmlSource.parse(file, bytes));
            } catch (ConfigFileException e) {
                problems.add(new String[] {file, e.getMessage()});
            }
        }
        byte[] bundles = contents.get(NodeFiles.HAZELCAST_BUNDLES);
        List<String> hazelcast = bundles == null ? List.of()
                : List.of(new String(bundles, StandardCharsets.UTF_8).split("\n"));
        return new NodeFacts(name, source, paths, files, problems, properties, hazelcast);
    }

    public String name() {
        return name;
    }

    /** Where the node was read from (zip or folder). */
    public String source() {
        return source;
    }

    /** Where this node keeps axis2.xml, carbon.xml and catalina-server.xml. */
    ConfigPaths paths() {
        return paths;
    }

    /** File names of the Hazelcast bundles in components/plugins (the kernel's Hazelcast version). */
    List<String> hazelcastBundles() {
        return hazelcastBundles;
    }

    /** [file, problem] pairs for config files that could not be read (file null: the whole node). */
    List<String[]> readProblems() {
        return readProblems;
    }

    Optional<XmlSource> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private Located at(XmlSource source, XmlElement element, String value) {
        return new Located(value, source.fileName(), source.lineOf(element.start()));
    }

    // ---- axis2.xml

    Optional<XmlElement> clustering() {
        return file(paths.axis2()).flatMap(s -> s.root().child("clustering"));
    }

    /** The {@code enable} attribute of {@code <clustering>}, at its own line (the tag's second, in stock files). */
    Located clusteringEnable() {
        XmlSource axis2 = files.get(paths.axis2());
        return clustering().map(c -> c.attribute("enable")
                        .map(a -> new Located(a.value(), axis2.fileName(), axis2.lineOf(a.start())))
                        .orElse(at(axis2, c, null)))
                .orElse(Located.absent(paths.axis2()));
    }

    Located clusteringParameter(String parameter) {
        XmlSource axis2 = files.get(paths.axis2());
        return clustering().flatMap(c -> c.child("parameter", "name", parameter))
                .map(p -> at(axis2, p, axis2.textOf(p)))
                .orElse(new Located(null, paths.axis2(), clusteringEnable().line()));
    }

    Located subDomain() {
        XmlSource axis2 = files.get(paths.axis2());
        return clustering().flatMap(c -> c.child("parameter", "name", "properties"))
                .flatMap(p -> p.child("property", "name", "subDomain"))
                .map(p -> at(axis2, p, p.attributeValue("value")))
                .orElse(new Located(null, paths.axis2(), clusteringEnable().line()));
    }

    /** Every active {@code <members>} block of {@code <clustering>}. */
    List<Located> membersBlocks() {
        XmlSource axis2 = files.get(paths.axis2());
        return clustering().map(c -> c.children("members").stream().map(m -> at(axis2, m, "members")).toList())
                .orElse(List.of());
    }

    /** The member entries of the first {@code <members>} block, as written ({@code host:port}). */
    List<Located> memberEntries() {
        XmlSource axis2 = files.get(paths.axis2());
        List<Located> entries = new ArrayList<>();
        clustering().flatMap(c -> c.child("members")).ifPresent(members -> {
            for (XmlElement member : members.children("member")) {
                String host = member.child("hostName").map(axis2::textOf).orElse("");
                String port = member.child("port").map(axis2::textOf).orElse("");
                entries.add(at(axis2, member, host + ":" + port));
            }
        });
        return entries;
    }

    /** The well-known members this node lists, ranges expanded; entries that are not host:port are left out. */
    List<MemberAddress> wellKnownMembers() {
        List<MemberAddress> members = new ArrayList<>();
        for (Located entry : memberEntries()) {
            MemberAddress.Parsed parsed = MemberAddress.parse(entry.value());
            if (parsed.ok()) {
                members.addAll(parsed.address().expand());
            }
        }
        return members;
    }

        /** This node's own member address, when host and port are readable. */
    Optional<MemberAddress> memberAddress() {
        Located host = clusteringParameter("localMemberHost");
        Located port = clusteringParameter("localMemberPort");
        if (!host.present() || host.value().isBlank()) {
            return Optional.empty();
        }
        int portNumber = port.present() ? Ports.parse(port.value()).orElse(-1) : Ports.DEFAULT_MEMBER_PORT;
        return portNumber < 0 ? Optional.empty() : Optional.of(MemberAddress.of(host.value(), portNumber));
    }

    /** Manager or worker: node.properties, else an enabled synchronizer that commits, else the subDomain. */
    Optional<Role> role() {
        if (nodeProperties != null && nodeProperties.getProperty("role") != null) {
            return Role.parse(nodeProperties.getProperty("role"));
        }
        Located enabled = depSync("Enabled");
        Located commit = depSync("AutoCommit");
        if ("true".equals(enabled.value()) && commit.present()) {
            return Optional.of("true".equals(commit.value()) ? Role.MANAGER : Role.WORKER);
        }
        String sub = subDomain().value();
        if (Role.MANAGER.defaultSubDomain().equals(sub)) {
            return Optional.of(Role.MANAGER);
        }
        return Role.WORKER.defaultSubDomain().equals(sub) ? Optional.of(Role.WORKER) : Optional.empty();
    }

    /** Whether {@link #role()} came from node.properties (so the subDomain can be checked against it). */
    boolean roleDeclared() {
        return nodeProperties != null && nodeProperties.getProperty("role") != null;
    }

    // ---- carbon.xml

    Located carbonValue(String... path) {
        XmlSource carbon = files.get(paths.carbon());
        if (carbon == null) {
            return Located.absent(paths.carbon());
        }
        XmlElement element = carbon.root();
        for (String step : path) {
            Optional<XmlElement> next = element.child(step);
            if (next.isEmpty()) {
                return Located.absent(paths.carbon());
            }
            element = next.get();
        }
        return at(carbon, element, carbon.textOf(element));
    }

    Located depSync(String child) {
        return carbonValue("DeploymentSynchronizer", child);
    }

    int portOffset() {
        Located offset = carbonValue("Ports", "Offset");
        return offset.present() && offset.value().matches("\\d{1,5}") ? Integer.parseInt(offset.value()) : 0;
    }

    private int carbonPort(int fallback, String... path) {
        Located value = carbonValue(path);
        return value.present() ? Ports.parse(value.value()).orElse(fallback) : fallback;
    }

    /** The ports this node opens on its host, after the offset; the member port is never offset. */
    Map<String, Integer> openPorts() {
        int offset = portOffset();
        Map<String, Integer> ports = new LinkedHashMap<>();
        XmlSource catalina = files.get(paths.catalina());
        CatalinaConfigurer.WebPorts web = CatalinaConfigurer.webPorts(catalina, offset);
        ports.put("HTTP", web.http());
        ports.put("HTTPS", web.https());
        ports.put("JMX RMI registry", carbonPort(9999, "Ports", "JMX", "RMIRegistryPort") + offset);
        ports.put("JMX RMI server", carbonPort(11111, "Ports", "JMX", "RMIServerPort") + offset);
        memberAddress().ifPresent(member -> ports.put("cluster member", member.port()));
        return ports;
    }

    // ---- catalina-server.xml

    /** proxyPort of the first HTTP (secure=false) or HTTPS connector; absent value when not set. */
    Located proxyPort(boolean secure) {
        XmlSource catalina = files.get(paths.catalina());
        if (catalina == null) {
            return Located.absent(paths.catalina());
        }
        List<XmlElement> connectors = CatalinaConfigurer.connectors(catalina, secure);
        if (connectors.isEmpty()) {
            return Located.absent(paths.catalina());
        }
        XmlElement connector = connectors.get(0);
        return at(catalina, connector, connector.attributeValue("proxyPort"));
    }

    // ---- all files

    /**
     * A build placeholder left in a config file.
     *
     * @param clusterValue whether it stands where the cluster depends on the value (what configure-cluster sets
     *                     or verify-cluster reads); elsewhere Carbon runs with it as shipped
     */
    record Placeholder(Located where, boolean clusterValue) {
    }

    /**
     * Every {@code ${...}} and {@code @...@} outside comments, with its line. Secrets (the SVN password) are
     * never scanned: a password that happens to look like a placeholder must not reach a report.
     */
    List<Placeholder> placeholders() {
        List<Placeholder> found = new ArrayList<>();
        for (XmlSource source : files.values()) {
            List<XmlElement> relevant = clusterValues(source);
            StringBuilder text = new StringBuilder(source.text());
            blankComments(source.root(), text);
            secrets(source).forEach(secret -> blank(text, secret.start(), secret.end()));
            Matcher matcher =
                    Pattern.compile("\\$\\{[^}\\s]+}|@[A-Za-z][A-Za-z0-9._-]*@").matcher(text);
            while (matcher.find()) {
                int at = matcher.start();
                boolean inCluster = relevant.stream().anyMatch(e -> e.start() <= at && at < e.end());
                found.add(new Placeholder(new Located(matcher.group(), source.fileName(), source.lineOf(at)), inCluster));
            }
        }
        return found;
    }

    /** The elements whose values the cluster depends on, in the file given. */
    private List<XmlElement> clusterValues(XmlSource source) {
        XmlElement root = source.root();
        if (source.fileName().equals(paths.axis2())) {
            return root.children("clustering");
        }
        if (source.fileName().equals(paths.carbon())) {
            List<XmlElement> elements = new ArrayList<>();
            for (String name : List.of("HostName", "MgtHostName", "Ports", "DeploymentSynchronizer")) {
                elements.addAll(root.children(name));
            }
            return elements;
        }
        List<XmlElement> connectors = new ArrayList<>();
        root.children("Service").forEach(service -> connectors.addAll(service.children("Connector")));
        return connectors;
    }

    private List<XmlElement> secrets(XmlSource source) {
        if (!source.fileName().equals(paths.carbon())) {
            return List.of();
        }
        List<XmlElement> secrets = new ArrayList<>();
        source.root().children("DeploymentSynchronizer").forEach(d -> secrets.addAll(d.children("SvnPassword")));
        return secrets;
    }

    private static void blankComments(XmlElement element, StringBuilder text) {
        for (XmlComment comment : element.comments()) {
            blank(text, comment.start(), comment.end());
        }
        for (XmlElement child : element.children()) {
            blankComments(child, text);
        }
    }

    /** Blanks a range, keeping line breaks, so offsets and lines stay true. */
    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
