package io.github.wso2cluster.verify;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.live.HazelcastMember;
import io.github.wso2cluster.verify.live.HazelcastVersions;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.report.VerifyResult;
import io.github.wso2cluster.output.OutputLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract's "no false alarms": the real config files of Carbon 4.2 to 4.6 products (vendored under
 * src/test/resources/wso2-conf, see its PROVENANCE.md), each put into a distribution zip, configured by
 * configure-cluster's core from a valid cluster with every setting in use (two managers, so the one-committer
 * rule is exercised), then checked by verify-cluster: no error and no warning on any of them. And the live
 * check, on the Hazelcast line each kernel ships, read from the distribution's bundle name.
 */
class RealProductsTest {
    @TempDir
    Path tmp;

    /** A real product's config set, where its files stand in the distribution, and its kernel's Hazelcast bundle. */
    enum Product {
        BAM_2_5_0("bam-2.5.0", null, "repository/components/plugins/hazelcast_3.0.1.wso2v1.jar"),
        KERNEL_4_3_0("carbon-kernel-4.3.0", null, "repository/components/plugins/hazelcast_3.2.6.wso2v3.jar"),
        KERNEL_4_4_1("carbon-kernel-4.4.1", null, "repository/components/plugins/hazelcast_3.5.0.wso2v1.jar"),
        ESB_4_9_0("esb-4.9.0", null, "repository/components/plugins/hazelcast_3.5.0.wso2v1.jar"),
        KERNEL_4_4_40("carbon-kernel-4.4.40", null, "repository/components/plugins/hazelcast_3.5.4.wso2v2.jar"),
        KERNEL_4_6_1("carbon-kernel-4.6.1", null, "repository/components/plugins/hazelcast_3.12.2.wso2v1.jar"),
        EI_6_4_0_INTEGRATOR("ei-6.4.0-integrator", null, "wso2/components/plugins/hazelcast_3.5.0.wso2v1.jar"),
        EI_6_4_0_BUSINESS_PROCESS("ei-6.4.0-business-process", "wso2/business-process/conf",
                "wso2/components/plugins/hazelcast_3.5.0.wso2v1.jar");

        final String set;
        final String confDirectory;
        final String hazelcastBundle;

        Product(String set, String confDirectory, String hazelcastBundle) {
            this.set = set;
            this.confDirectory = confDirectory;
            this.hazelcastBundle = hazelcastBundle;
        }
    }

    /** Two managers (the first commits), two workers, on four hosts; every cluster-wide setting in use. */
    private static ClusterInput cluster(Product product) {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.add(1, Fixtures.node("manager2", "manager", "10.0.0.5", "4100"));
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setSvnUser("svn-bot");
        input.deploymentSynchronizer.setSvnPassword("${not-a-placeholder}@Word@");
        input.hostsEntries = List.of("10.0.0.20 carbondb.mysql-wso2.com");
        input.confDirectory = product.confDirectory;
        // The shared registry where the product's set has registry.xml and master-datasources.xml, the shared user
        // store where it has user-mgt.xml too (EI's integrator set has neither datasources file: see PROVENANCE).
        Path conf = Fixtures.referenceRoot().resolve(product.set).resolve(product.confDirectory != null ? product.confDirectory
                : product.set.startsWith("ei-") ? "conf" : "repository/conf");
        if (Files.isRegularFile(conf.resolve("datasources/master-datasources.xml"))) {
            input.databases = new DatabasesInput();
            DatabaseInput registry = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/REGISTRY_DB?autoReconnect=true", null);
            registry.setUsername("regadmin");
            registry.setPassword("${not-a-placeholder}@Word@");
            input.databases.setRegistry(registry);
            if (Files.isRegularFile(conf.resolve("user-mgt.xml"))) {
                DatabaseInput users = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/WSO2_USER_DB", null);
                users.setUsername("umadmin");
                input.databases.setUserStore(users);
            }
        }
        return input;
    }

    private Path distribution(Product product) throws Exception {
        Path set = Fixtures.referenceRoot().resolve(product.set);
        String top = "wso2-" + product.set;
        ZipBuilder zip = ZipBuilder.create().folder(set, top);
        if (product == Product.KERNEL_4_4_1) {
            // AS 5.3.0 ships the kernel's axis2.xml and carbon.xml with its own catalina-server.xml (PROVENANCE).
            zip = ZipBuilder.create().folder(set, top).remove(top + "/repository/conf/tomcat/catalina-server.xml")
                    .file(top + "/repository/conf/tomcat/catalina-server.xml",
                            Files.readAllBytes(Fixtures.referenceRoot().resolve("as-5.3.0/repository/conf/tomcat/catalina-server.xml")), 0644);
        }
        zip.file(top + "/" + product.hazelcastBundle, new byte[] {'P', 'K', 5, 6}, 0644);
        return zip.write(tmp.resolve(product.set + ".zip"));
    }

    private record Built(List<Path> zips, Map<String, List<String>> configureWarnings) {
    }

    private Built build(Product product) throws Exception {
        Path zip = distribution(product);
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(cluster(product));
        Path out = tmp.resolve("out-" + product.set);
        ClusterAssembly.Request request = new ClusterAssembly.Request(zip, Digests.sha256(zip), null, new OutputLayout(out, "cluster"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "test");
        ClusterAssembly.Result result = new ClusterAssembly(Reporter.SILENT).assemble(cluster, request);
        Map<String, List<String>> warnings = result.configurations().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().warnings()));
        return new Built(result.zips().stream().map(z -> z.zip()).toList(), warnings);
    }

    /** Reads nodes as verify-cluster does (an unreadable one fails its config-files case). */
    private static List<NodeFacts> read(List<Path> zips) {
        return new NodeReader(null).read(zips, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Product.class)
    void aStockProductConfiguredFromAValidPomPassesWithNoErrorAndNoWarning(Product product) throws Exception {
        Built built = build(product);
        List<NodeFacts> nodes = read(built.zips());
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertEquals(0, result.errors(), product + ":\n" + result.text());
        assertEquals(0, result.warnings(), product + ":\n" + result.text());
        assertEquals(List.of("manager", "manager2", "worker1", "worker2"), nodes.stream().map(NodeFacts::name).toList());
        // The configuration directory travels with the node: verify-cluster needs no confDirectory of its own.
        String conf = product.confDirectory != null ? product.confDirectory
                : product.set.startsWith("ei-") ? "conf" : "repository/conf";
        nodes.forEach(n -> assertEquals(conf, n.paths().conf(), product.toString()));
        // Exactly one committer, the first manager; the second manager only checks out, like the workers.
        assertEquals(List.of("true", "false", "false", "false"),
                nodes.stream().map(n -> n.settings().synchronizer("AutoCommit").value()).toList(), product.toString());
        // The one configure-cluster warning a stock product can earn: an offset it ships, reset without portOffset.
        boolean shipsOffset = product == Product.EI_6_4_0_BUSINESS_PROCESS;
        for (Map.Entry<String, List<String>> node : built.configureWarnings().entrySet()) {
            if (shipsOffset) {
                assertEquals(1, node.getValue().size(), node.toString());
                assertTrue(node.getValue().get(0).matches("wso2/business-process/conf/carbon\\.xml:\\d+: the distribution"
                        + " ships Ports/Offset 2; it becomes 0 because the POM gives this node no portOffset.*"), node.toString());
            } else {
                assertEquals(List.of(), node.getValue(), node.getKey());
            }
        }
        // Where the set has the files, the shared databases are wired and every database check ran.
        if (cluster(product).databases != null) {
            assertTrue(result.checks().containsAll(List.of("datasources", "registry-mounts", "user-store", "local-registry")),
                    product + " " + result.checks());
            assertEquals(List.of("false", "false", "true", "true"), nodes.stream().map(n -> n.databases().remoteInstances()
                    .stream().filter(r -> "instanceid".equals(r.id())).findFirst().orElseThrow().readOnly()).toList(), product.toString());
        }
        // The secrets look like two placeholders; they must not be scanned into any finding.
        assertTrue(result.findings().stream().noneMatch(f -> f.message().contains("not-a-placeholder")
                || f.message().contains("Word")), result.text());
    }

    @Test
    void placeholdersTheDistributionShipsAreInformationOnly() throws Exception {
        List<NodeFacts> nodes = read(build(Product.EI_6_4_0_BUSINESS_PROCESS).zips());
        VerifyResult result = new ClusterVerifier().verify(nodes);
        List<String> infos = result.of("worker1", "placeholders").stream()
                .filter(f -> f.severity() == Severity.INFO).map(Finding::located).toList();
        assertTrue(infos.stream().anyMatch(i -> i.startsWith("wso2/business-process/conf/axis2/axis2.xml:")
                && i.contains("${childfirstCL}")), infos.toString());
        assertTrue(infos.stream().anyMatch(i -> i.contains("${jaxwsparam}")), infos.toString());
        assertTrue(result.text().contains("INFO    [placeholders] wso2/business-process/conf/axis2/axis2.xml:"), result.text());
        assertEquals(0, result.errors() + result.warnings(), result.text());
    }

    /**
     * The live check on every Hazelcast line a Carbon 4.x kernel ships, the version read from the distribution's
     * bundle as the plugin does (3.5.x kernels run as 3.5.5, see HazelcastVersions).
     */
    @ParameterizedTest
    @CsvSource({"BAM_2_5_0, 3.0.1", "KERNEL_4_3_0, 3.2.6", "ESB_4_9_0, 3.5.5", "KERNEL_4_6_1, 3.12.2"})
    void theLiveCheckFormsTheClusterOnEachHazelcastLine(Product product, String expected) throws Exception {
        List<NodeFacts> nodes = read(build(product).zips());
        List<String> versions = HazelcastVersions.candidates(nodes, null);
        assertEquals(expected, versions.get(0), versions.toString());
        Path jar = Path.of(System.getProperty("hazelcast.jars", "target/hazelcast"), "hazelcast-" + expected + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the build copies it in generate-test-resources");
        String before = System.getProperty(HazelcastMember.FASTSTRING) + " " + System.getProperty("hazelcast.logging.type");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, loader, Duration.ofSeconds(60));
            assertTrue(outcome.formed(), product + " with " + expected + ": " + outcome.summary() + " " + outcome.findings());
            assertEquals(List.of(List.of("manager", "manager2", "worker1", "worker2")), outcome.groups());
        }
        assertEquals(before, System.getProperty(HazelcastMember.FASTSTRING) + " " + System.getProperty("hazelcast.logging.type"),
                "the JVM-wide properties are left as they were");
    }

    @Test
    void everyVendoredFileHasItsProvenanceRow() throws Exception {
        Path root = Fixtures.referenceRoot();
        String provenance = Files.readString(root.resolve("PROVENANCE.md"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                assertTrue(provenance.contains("| " + relative + " | " + Files.size(file) + " |"), relative);
            }
        }
    }
}
