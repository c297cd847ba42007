package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.BuildLock;
import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.product.ProductDatabases;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.settings.SettingsReader;
import io.github.wso2cluster.config.EntryNames;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.config.NodeConfigurer;
import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.config.NginxConfig;
import io.github.wso2cluster.config.TomlConfigurer;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.SessionAffinity;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.vault.NodeVault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * configure-cluster's core: configures every node in memory (any problem stops the build before a byte is
 * written), writes the node zips that changed, then {@code cluster.json}.
 */
public final class ClusterAssembly {

    /**
     * Everything the assembly needs besides the cluster.
     *
     * @param distributionFile the distribution zip; opened (and checked) only when some node must be written
     * @param timeFixed        whether {@code times} is the project's fixed output timestamp (then part of the inputs)
     */
    public record Request(Path distributionFile, String distributionSha256, Path overlayRoot, OutputLayout layout,
                          EntryTimes times, boolean timeFixed, int threads, String pluginVersion) {
    }

    /**
     * The nodes, in the cluster's order, with their zips.
     *
     * @param configurations by node id; empty when nothing had to be configured (every input unchanged)
     * @param rebuilt        the ids of the nodes whose zips were written by this run (the others were up to date)
     * @param nginxConfig    the load balancer's configuration, or null when the cluster has no {@code loadBalancer}
     */
    public record Result(List<Node> nodes, Map<String, NodeConfiguration> configurations, List<AssembledNode> zips,
                         List<String> rebuilt, Path nginxConfig) {
    }

    private final Reporter reporter;
    private final NodeConfigurer configurer = new NodeConfigurer();

    public ClusterAssembly(Reporter reporter) {
        this.reporter = reporter;
    }

    public Result assemble(Cluster cluster, Request request) throws ClusterBuildException, ArchiveException, IOException {
        OutputLayout layout = request.layout();
        String finalName = layout.finalName();
        if (finalName.isBlank() || finalName.contains("/") || finalName.contains("\\") || EntryNames.problem(finalName) != null) {
            throw new ClusterBuildException(List.of("project.build.finalName '" + finalName + "' is not a plain file name:"
                    + " node zips are written as <finalName>-<node id>.zip straight into " + layout.buildDirectory()
                    + "; give <finalName> without a folder"));
        }
        BuildState state = new BuildState(layout);
        FileDigests files = new FileDigests();
        String inputs = ClusterFingerprint.of(cluster, request, files);
        Optional<List<AssembledNode>> unchanged = state.unchangedRun(inputs, ids(cluster));
        Path nginx = cluster.loadBalancer() == null ? null : layout.nginxConfig();
        if (unchanged.isPresent() && (nginx == null || Files.isRegularFile(nginx))) {
            return new Result(cluster.nodes(), Map.of(), unchanged.get(), List.of(), nginx);
        }
        BuildLock.whenAlone(state.lockFile(), () -> removeLeftovers(cluster, layout));
        try (BuildLock lock = BuildLock.join(state.lockFile())) {
            state.forgetRun();
            Result result = write(cluster, request, state, files);
            state.recordRun(inputs);
            return result;
        }
    }

    private static List<String> ids(Cluster cluster) {
        return cluster.nodes().stream().map(Node::id).toList();
    }

    /**
     * Deletes the temporary files a killed build left ({@code <finalName>-<id>.<n>.zip.part} and those of
     * cluster.json and the state files); called only when no other build of this project is running.
     */
    private static void removeLeftovers(Cluster cluster, OutputLayout layout) throws IOException {
        Set<String> prefixes = new HashSet<>();
        cluster.nodes().forEach(node -> prefixes.add(layout.finalName() + "-" + node.id() + "."));
        deleteParts(layout.buildDirectory(), name -> prefixes.stream().anyMatch(name::startsWith)
                && name.endsWith(".zip.part"));
        deleteParts(layout.work(), name -> name.endsWith(".part"));
        deleteParts(layout.state(), name -> name.endsWith(".part"));
    }

    private static void deleteParts(Path folder, Predicate<String> leftover) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && leftover.test(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Result write(Cluster cluster, Request request, BuildState state, FileDigests files)
            throws ClusterBuildException, ArchiveException, IOException {
        Distribution distribution = Distribution.open(request.distributionFile(), cluster.confDirectory());
        Product product = cluster.productLine() == null ? distribution.product()
                : distribution.product().withLine(cluster.productLine());
        reporter.info("Product: " + product.describe() + (cluster.productLine() == null ? ", recognised from the"
                + " distribution's files" : ", as <product> says"));
        ConfigPaths paths = product.paths();
        Map<String, byte[]> distributionFiles = new HashMap<>(distribution.read(filesToConfigure(cluster, paths)));
        List<String> problems = new ArrayList<>();
        if (product.isToml()) {
            byte[] template = distributionFiles.get(paths.carbonTemplate());
            problems.addAll(TomlConfigurer.unsupported(cluster, template == null ? null
                    : new String(template, StandardCharsets.UTF_8)));
        } else if (!cluster.tomlEdits().isEmpty()) {
            problems.add("tomlEdits: the distribution has no " + paths.deploymentToml() + " (a Carbon 4.x XML product);"
                    + " use <xmlEdits> for it");
        }
        problems.addAll(ProductDatabases.problems(cluster, product, distributionFiles::containsKey));
        if (!product.hazelcast() && (cluster.domain() != null || cluster.nodes().stream().anyMatch(Node::wellKnown))) {
            reporter.warn(product.describe() + " clusters through RDBMS coordination (databases/coordination), not"
                    + " Hazelcast: domain, membershipScheme and wellKnownMembers are not used; remove them");
        }
        List<NodeArchive> archives = new ArrayList<>();
        Map<String, NodeSettings> configured = new LinkedHashMap<>();
        // Sealed cipher text is random (RSA padding): a node's fingerprint is taken before sealing, plus what it used.
        Map<String, NodeConfiguration> unsealed = new HashMap<>();
        Map<String, String> sealing = new HashMap<>();
        for (Node node : cluster.nodes()) {
            Path overlayRoot = request.overlayRoot();
            Overlay overlay = withDriver(Overlay.of(overlayRoot == null ? null : overlayRoot.resolve("common"),
                    overlayRoot == null ? null : overlayRoot.resolve(node.id())), cluster.databases(), paths);
            try {
                NodeConfigurer.FileReader tree = path -> read(path, overlay, distribution, distributionFiles);
                NodeConfiguration configuration = configurer.configure(cluster, node, product, tree);
                configured.put(node.id(), settings(product, configuration, tree));
                NodeVault.Sealed vaulted = NodeVault.seal(cluster, node, product, configuration, tree,
                        path -> read(path, Overlay.empty(), distribution, distributionFiles));
                archives.add(new NodeArchive(node.id(), vaulted.configuration(), overlay, request.layout().nodeZip(node.id())));
                unsealed.put(node.id(), configuration);
                sealing.put(node.id(), vaulted.fingerprint());
            } catch (ConfigFileException e) {
                problems.add("node '" + node.id() + "': " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            Map<String, Node> byId = new LinkedHashMap<>();
            cluster.nodes().forEach(node -> byId.put(node.id(), node));
            problems.addAll(CoHostedPorts.problems(product, configured, byId));
        }
        if (!problems.isEmpty()) {
            throw new ClusterBuildException(problems);
        }
        Map<String, AssembledNode> zips = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        List<NodeArchive> outdated = new ArrayList<>();
        for (NodeArchive archive : archives) {
            reporter.debug("node '" + archive.nodeId() + "': overlay files " + archive.overlay().files().keySet());
            String fingerprint = Digests.sha256((NodeFingerprint.of(request.pluginVersion(), request.distributionSha256(),
                    unsealed.get(archive.nodeId()), archive.overlay(), request.times(), request.timeFixed(), files) + " "
                    + sealing.get(archive.nodeId())).getBytes(StandardCharsets.UTF_8));
            fingerprints.put(archive.nodeId(), fingerprint);
            Optional<AssembledNode> kept = state.recorded(archive.nodeId(), fingerprint);
            kept.ifPresentOrElse(zip -> zips.put(zip.nodeId(), zip), () -> outdated.add(archive));
        }
        List<String> rebuilt = new ArrayList<>();
        for (AssembledNode zip : new NodeAssembler(request.threads()).assemble(distribution, outdated, request.times())) {
            zips.put(zip.nodeId(), zip);
            rebuilt.add(zip.nodeId());
            state.recordNode(zip, fingerprints.get(zip.nodeId()));
        }
        Map<String, NodeConfiguration> configurations = new LinkedHashMap<>();
        archives.forEach(archive -> configurations.put(archive.nodeId(), archive.configuration()));
        Path nginx = writeLoadBalancer(cluster, product, configurations, request.layout());
        List<AssembledNode> ordered = cluster.nodes().stream().map(n -> zips.get(n.id())).toList();
        AtomicFiles.writeIfChanged(request.layout().manifest(), ClusterManifest.render(cluster, product,
                request.distributionFile().getFileName().toString(), request.distributionSha256(),
                List.copyOf(configurations.values()), ordered.stream().map(z -> new ClusterManifest.NodeZip(z.nodeId(),
                        z.zip().getFileName().toString(), z.integrity())).toList()));
        return new Result(cluster.nodes(), configurations, ordered, rebuilt, nginx);
    }

    /**
     * Writes the nginx configuration from the nodes as configured (their effective web ports), or removes one a
     * previous build wrote when the POM no longer has {@code loadBalancer}.
     */
    private static Path writeLoadBalancer(Cluster cluster, Product product, Map<String, NodeConfiguration> configurations,
                                          OutputLayout layout) throws IOException {
        Path file = layout.nginxConfig();
        if (cluster.loadBalancer() == null) {
            Files.deleteIfExists(file);
            return null;
        }
        List<NginxConfig.Backend> backends = io.github.wso2cluster.config.apim.ApimBalancer.backends(cluster, product);
        // API Manager's gateways serve API calls, which carry no session: round robin there.
        SessionAffinity served = backends != null ? SessionAffinity.NONE : cluster.loadBalancer().sessionAffinity();
        if (backends == null) {
            backends = new ArrayList<>();
            for (Node node : cluster.nodes()) {
                CatalinaServer.WebPorts ports = configurations.get(node.id()).ports();
                backends.add(new NginxConfig.Backend(node.id(), node.isManager(), node.localMemberHost(), ports.http(), ports.https()));
            }
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.writeIfChanged(file, NginxConfig.render(cluster.domain(), cluster.loadBalancer(), cluster.proxyPorts(),
                backends, served).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** What the node's configured files say, read as verify-cluster reads the finished node. */
    private static NodeSettings settings(Product product, NodeConfiguration configuration, NodeConfigurer.FileReader tree)
            throws IOException {
        ConfigPaths paths = product.paths();
        Map<String, byte[]> files = new HashMap<>();
        for (String path : List.of(paths.axis2(), paths.carbon(), paths.catalina(), paths.deploymentToml())) {
            byte[] bytes = configuration.replaced().get(path);
            Optional<byte[]> shipped = bytes != null ? Optional.of(bytes) : tree.read(path);
            shipped.ifPresent(b -> files.put(path, b));
        }
        return SettingsReader.read(product, files, Map.of()).settings();
    }

    /** The node's overlay plus the JDBC driver of {@code databases/driver}, in the distribution's library folder. */
    private static Overlay withDriver(Overlay overlay, Databases databases, ConfigPaths paths) {
        if (databases == null || databases.driverJar() == null) {
            return overlay;
        }
        return overlay.with(paths.libraries() + "/" + databases.driverFileName(), databases.driverJar());
    }

    /** Every distribution file a setting or xmlEdit may edit: read together, in one pass over the zip. */
    private static List<String> filesToConfigure(Cluster cluster, ConfigPaths paths) {
        Set<String> files = new LinkedHashSet<>(List.of(paths.axis2(), paths.carbon(),
                paths.catalina(), paths.deploymentToml(), paths.carbonTemplate()));
        if (cluster.databases() != null) {
            files.addAll(List.of(paths.datasources(), paths.registry(), paths.userManagement(), paths.identityXml(),
                    paths.inferJson()));
            for (ProductDatabase database : ProductDatabase.values()) {
                database.xmlFile(paths).ifPresent(files::add);
            }
        }
        cluster.xmlEdits().forEach(edit -> files.add(edit.file()));
        cluster.nodes().forEach(node -> node.xmlEdits().forEach(edit -> files.add(edit.file())));
        return List.copyOf(files);
    }

    /** A file of the node's tree: its overlay's copy, else the distribution's (read once, shared by all nodes). */
    private static Optional<byte[]> read(String path, Overlay overlay, Distribution distribution,
                                         Map<String, byte[]> cache) throws IOException {
        Optional<byte[]> overlaid = overlay.read(path);
        if (overlaid.isPresent()) {
            return overlaid;
        }
        if (!cache.containsKey(path)) {
            try {
                cache.put(path, distribution.read(path).orElse(null));
            } catch (ArchiveException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return Optional.ofNullable(cache.get(path));
    }
}
