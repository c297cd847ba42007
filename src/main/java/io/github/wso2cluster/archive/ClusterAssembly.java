package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.BuildLock;
import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.ConfigPaths;
import io.github.wso2cluster.config.EntryNames;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.config.NodeConfigurer;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * configure-cluster's core: configures every node in memory (any problem stops the build before a byte is
 * written), writes the node zips, then {@code cluster.json}.
 */
public final class ClusterAssembly {

    /**
     * Everything the assembly needs besides the cluster.
     *
     * @param distributionFile the distribution zip; opened (and checked) only when some node must be written
     * @param timeFixed        whether {@code times} is the project's fixed output timestamp (then part of the inputs)
     * @param stateDirectory   where the input fingerprints are kept between builds
     */
    public record Request(Path distributionFile, String distributionSha256, Path overlayRoot, Path outputDirectory,
                          String finalName, Path manifest, EntryTimes times, boolean timeFixed, int threads,
                          String pluginVersion, Path stateDirectory) {
    }

    /**
     * The nodes, in the cluster's order, with their zips.
     *
     * @param configurations by node id; empty when nothing had to be configured (every input unchanged)
     * @param rebuilt        the ids of the nodes whose zips were written by this run (the others were up to date)
     */
    public record Result(List<Node> nodes, Map<String, NodeConfiguration> configurations, List<AssembledNode> zips,
                         List<String> rebuilt) {
    }

    private final Reporter reporter;
    private final NodeConfigurer configurer = new NodeConfigurer();

    public ClusterAssembly(Reporter reporter) {
        this.reporter = reporter;
    }

    public Result assemble(Cluster cluster, Request request) throws ClusterBuildException, ArchiveException, IOException {
        String finalName = request.finalName();
        if (finalName.isBlank() || finalName.contains("/") || finalName.contains("\\") || EntryNames.problem(finalName) != null) {
            throw new ClusterBuildException(List.of("project.build.finalName '" + finalName + "' is not a plain file name:"
                    + " node zips are written as <finalName>-<node id>.zip straight into " + request.outputDirectory()
                    + "; give <finalName> without a folder"));
        }
        String inputs = ClusterFingerprint.of(cluster, request);
        Path clusterState = request.stateDirectory().resolve("cluster.state");
        Optional<List<AssembledNode>> unchanged = upToDate(cluster, request, inputs, clusterState);
        if (unchanged.isPresent()) {
            return new Result(cluster.nodes(), Map.of(), unchanged.get(), List.of());
        }
        try (BuildLock lock = BuildLock.tryAcquire(request.stateDirectory().resolve("build.lock"))) {
            if (lock.exclusive()) {
                removeLeftovers(cluster, request);
            }
            return write(cluster, request, inputs, clusterState);
        }
    }

    /**
     * Deletes the temporary files a killed build left ({@code <finalName>-<id>.<n>.zip.part} and those of
     * cluster.json and the state files); called only when no other build of this project is running.
     */
    private static void removeLeftovers(Cluster cluster, Request request) throws IOException {
        Set<String> prefixes = new HashSet<>();
        cluster.nodes().forEach(node -> prefixes.add(request.finalName() + "-" + node.id() + "."));
        deleteParts(request.outputDirectory(), name -> prefixes.stream().anyMatch(name::startsWith)
                && name.endsWith(".zip.part"));
        deleteParts(request.manifest().toAbsolutePath().getParent(), name -> name.endsWith(".part"));
        deleteParts(request.stateDirectory(), name -> name.endsWith(".part"));
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

    private Result write(Cluster cluster, Request request, String inputs, Path clusterState)
            throws ClusterBuildException, ArchiveException, IOException {
        // From here the outputs may change: the old whole-run fingerprint must not outlive them.
        Files.deleteIfExists(clusterState);
        Distribution distribution = Distribution.open(request.distributionFile(), cluster.confDirectory());
        ConfigPaths paths = distribution.configPaths();
        Map<String, byte[]> distributionFiles = new HashMap<>(distribution.read(filesToConfigure(cluster, paths)));
        List<String> problems = new ArrayList<>();
        List<NodeConfiguration> configurations = new ArrayList<>();
        List<NodeArchive> archives = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            Path nodeFolder = request.overlayRoot() == null ? null : request.overlayRoot().resolve(node.id());
            Overlay overlay = Overlay.of(request.overlayRoot() == null ? null : request.overlayRoot().resolve("common"),
                    nodeFolder);
            try {
                NodeConfiguration configuration = configurer.configure(cluster, node, paths,
                        path -> read(path, overlay, distribution, distributionFiles));
                configurations.add(configuration);
                Path output = request.outputDirectory().resolve(request.finalName() + "-" + node.id() + ".zip");
                archives.add(new NodeArchive(node.id(), configuration, overlay, output));
            } catch (ConfigFileException e) {
                problems.add("node '" + node.id() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ClusterBuildException(problems);
        }
        Map<String, AssembledNode> zips = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        List<NodeArchive> outdated = new ArrayList<>();
        for (NodeArchive archive : archives) {
            reporter.debug("node '" + archive.nodeId() + "': overlay files " + archive.overlay().files().keySet());
            String fingerprint = NodeFingerprint.of(request.pluginVersion(), request.distributionSha256(),
                    archive.configuration(), archive.overlay(), request.times(), request.timeFixed());
            fingerprints.put(archive.nodeId(), fingerprint);
            Optional<NodeState> state = NodeState.read(stateFile(request, archive.nodeId()));
            if (state.isPresent() && state.get().fingerprint().equals(fingerprint) && state.get().matches(archive.output())) {
                zips.put(archive.nodeId(), new AssembledNode(archive.nodeId(), archive.output(), state.get().sha256(),
                        state.get().size()));
            } else {
                outdated.add(archive);
            }
        }
        List<AssembledNode> written = new NodeAssembler(request.threads())
                .assemble(distribution, outdated, request.times());
        List<String> rebuilt = new ArrayList<>();
        for (AssembledNode zip : written) {
            zips.put(zip.nodeId(), zip);
            rebuilt.add(zip.nodeId());
            new NodeState(fingerprints.get(zip.nodeId()), zip.sha256(), zip.size(),
                    Files.getLastModifiedTime(zip.zip()).toMillis()).write(stateFile(request, zip.nodeId()));
        }
        List<AssembledNode> ordered = cluster.nodes().stream().map(n -> zips.get(n.id())).toList();
        AtomicFiles.writeIfChanged(request.manifest(), ClusterManifest.render(cluster,
                request.distributionFile().getFileName().toString(), request.distributionSha256(),
                configurations, ordered.stream().map(z -> new ClusterManifest.NodeZip(z.nodeId(),
                        z.zip().getFileName().toString(), z.sha256())).toList()));
        AtomicFiles.write(clusterState, (inputs + "\n").getBytes(StandardCharsets.US_ASCII));
        Map<String, NodeConfiguration> byNode = new LinkedHashMap<>();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            byNode.put(cluster.nodes().get(i).id(), configurations.get(i));
        }
        return new Result(cluster.nodes(), byNode, ordered, rebuilt);
    }

    /**
     * The zips of the previous run, when it had exactly these inputs and every zip and the manifest are still
     * what it wrote: then neither the distribution nor any config file needs to be read.
     */
    private static Optional<List<AssembledNode>> upToDate(Cluster cluster, Request request, String inputs, Path clusterState) {
        try {
            if (!Files.isRegularFile(clusterState) || !Files.isRegularFile(request.manifest())
                    || !Files.readString(clusterState, StandardCharsets.US_ASCII).trim().equals(inputs)) {
                return Optional.empty();
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        List<AssembledNode> zips = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            Path output = request.outputDirectory().resolve(request.finalName() + "-" + node.id() + ".zip");
            Optional<NodeState> state = NodeState.read(stateFile(request, node.id()));
            if (state.isEmpty() || !state.get().matches(output)) {
                return Optional.empty();
            }
            zips.add(new AssembledNode(node.id(), output, state.get().sha256(), state.get().size()));
        }
        return Optional.of(zips);
    }

    private static Path stateFile(Request request, String nodeId) {
        return request.stateDirectory().resolve(nodeId + ".state");
    }

    /** Every distribution file a setting or xmlEdit may edit: read together, in one pass over the zip. */
    private static List<String> filesToConfigure(Cluster cluster, ConfigPaths paths) {
        Set<String> files = new LinkedHashSet<>(List.of(paths.axis2(), paths.carbon(),
                paths.catalina()));
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
