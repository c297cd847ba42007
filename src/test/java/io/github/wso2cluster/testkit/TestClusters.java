package io.github.wso2cluster.testkit;

import java.util.Optional;
import java.util.Map;
import java.util.LinkedHashMap;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.config.NodeConfigurer;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Node zips of WSO2's reference cluster, built by the plugin's own core, and a way to break them. */
public final class TestClusters {
    private TestClusters() {
    }

    /** The reference topology with every setting in use (proxy ports, SVN sync, hosts, the placeholder fix). */
    public static ClusterInput referenceInput() {
        ClusterInput input = Fixtures.referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setSvnUser("svn-bot");
        input.hostsEntries = List.of("10.0.0.20 carbondb.mysql-wso2.com");
        input.xmlEdits = List.of(new XmlEditInput("repository/conf/axis2/axis2.xml",
                "/axisconfig/parameter[@name='EnableChildFirstClassLoading']", null, "true"));
        return input;
    }

    /** Writes {@code cluster-manager.zip}, {@code cluster-worker1.zip}, {@code cluster-worker2.zip} into {@code out}. */
    public static List<Path> referenceZips(Path sampleDistribution, Path out) throws Exception {
        Path zip = ZipBuilder.create().folder(sampleDistribution, "wso2as-5.2.1")
                .write(Files.createTempFile("wso2as", ".zip"));
        try {
            Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(referenceInput());
            ClusterAssembly.Request request = new ClusterAssembly.Request(zip, Digests.sha256(zip), null, new OutputLayout(out, "cluster"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "test");
            return new ClusterAssembly(Reporter.SILENT).assemble(cluster, request).zips().stream()
                    .map(z -> z.zip()).toList();
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Rewrites one text entry of a node zip (path under the top folder), copying every other entry raw. */
    public static void editEntry(Path zipFile, String path, UnaryOperator<String> change) throws IOException {
        Path edited = zipFile.resolveSibling(zipFile.getFileName() + ".edit");
        boolean changed = false;
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get();
             OutputStream file = Files.newOutputStream(edited);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getName().endsWith("/" + path)) {
                    String text;
                    try (InputStream in = zip.getInputStream(entry)) {
                        text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    String after = change.apply(text);
                    changed = !after.equals(text);
                    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    copy.setUnixMode(entry.getUnixMode());
                    out.putArchiveEntry(copy);
                    out.write(after.getBytes(StandardCharsets.ISO_8859_1));
                    out.closeArchiveEntry();
                } else {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                }
            }
        }
        if (!changed) {
            Files.delete(edited);
            throw new IllegalArgumentException("editing " + path + " in " + zipFile + " changed nothing");
        }
        Files.move(edited, zipFile, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Every node's files as configure-cluster's core leaves them, in memory: {@code distribution}'s files (by path
     * under the top folder) with the node's edited and added files over them, by node id.
     */
    public static Map<String, Map<String, byte[]>> configureFiles(Cluster cluster, Map<String, byte[]> distribution)
            throws Exception {
        Map<String, Map<String, byte[]>> nodes = new LinkedHashMap<>();
        for (Node node : cluster.nodes()) {
            Map<String, byte[]> files = new LinkedHashMap<>(distribution);
            NodeConfiguration configuration = new NodeConfigurer().configure(cluster, node,
                    path -> Optional.ofNullable(files.get(path)));
            files.putAll(configuration.replaced());
            files.putAll(configuration.added());
            nodes.put(node.id(), files);
        }
        return nodes;
    }
}
