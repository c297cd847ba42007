package io.github.wso2cluster.verify;

import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.facts.TomlKeys;
import io.github.wso2cluster.verify.live.HazelcastVersions;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.report.VerifyResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.TomlEditInput;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deployment.toml products end to end, on the real files of Identity Server 7.0.0 and API Manager 4.1.0 and 3.0.0
 * (src/test/resources/wso2-toml, with provenance): configured from a valid POM they pass verify-cluster with no
 * error and no warning (the toml-keys check included, against the product's own templates), the checks that have
 * no deployment.toml counterpart are skipped saying why, hand-edit mistakes are named by deployment.toml line, and
 * the live check forms the cluster on the product's Hazelcast line.
 */
class TomlProductsTest {
    private static final Path ROOT = Path.of("src/test/resources/wso2-toml");
    private static final String TOML = "repository/conf/deployment.toml";

    @TempDir
    Path tmp;

    private static ClusterInput input(String product) {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.add(1, Fixtures.node("manager2", "manager", "10.0.0.5", "4100"));
        if (product.equals("apim-3.0.0")) {
            input.mgtHostName = null; // its carbon.xml.j2 reads no mgt_console_hostname: a validation error (below)
        }
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.hostsEntries = List.of("10.0.0.20 carbondb.mysql-wso2.com");
        input.databases = new DatabasesInput();
        DatabaseInput shared = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/SHARED_DB", null);
        shared.setUsername("shared");
        shared.setPassword("${not-a-placeholder}");
        input.databases.setRegistry(shared);
        DatabaseInput users = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/USER_DB", null);
        users.setUsername("um");
        input.databases.setUserStore(users);
        if (product.startsWith("apim")) {
            // API Manager keeps subscriptions and policies in apim_db: shared-state requires it shared.
            DatabaseInput apim = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/APIM_DB", null);
            apim.setUsername("apim");
            input.databases.setApim(apim);
        }
        input.tomlEdits = List.of(new TomlEditInput("transport.https.properties.maxThreads", "400"));
        return input;
    }

    private List<Path> build(String product, String bundle, ClusterInput input) throws Exception {
        String top = "wso2-" + product;
        Path zip = ZipBuilder.create().folder(ROOT.resolve(product), top)
                .file(top + "/repository/components/plugins/" + bundle, new byte[] {'P', 'K', 5, 6}, 0644)
                .write(tmp.resolve(product + ".zip"));
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        return new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip, Digests.sha256(zip),
                null, new OutputLayout(tmp.resolve("out-" + product), "cluster"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")),
                true, 2, "test")).zips().stream().map(z -> z.zip()).toList();
    }

    private static List<NodeFacts> read(List<Path> zips) {
        return new NodeReader(null).read(zips, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"is-7.0.0", "apim-4.1.0", "apim-3.0.0"})
    void aConfiguredProductPassesWithNoErrorAndNoWarning(String product) throws Exception {
        List<NodeFacts> nodes = read(build(product, "hazelcast_3.12.2.wso2v1.jar", input(product)));
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertEquals(0, result.errors() + result.warnings(), product + ":\n" + result.text());
        assertTrue(result.checks().containsAll(List.of("clustering-enabled", "domain", "well-known-members", "proxy-ports",
                "datasources", "toml-keys")), result.checks().toString());
        assertTrue(result.notApplicable().get("sub-domain").contains("every template hard-codes subDomain worker"));
        assertTrue(result.notApplicable().get("deployment-synchronizer").contains("switches the SVN deployment synchronizer off"));
        assertTrue(nodes.stream().allMatch(NodeFacts::isToml));
        // What the checks read stands at deployment.toml's lines.
        Located host = nodes.get(2).settings().clustering(Setting.LOCAL_MEMBER_HOST);
        assertEquals("10.0.0.3", host.value());
        assertEquals(TOML, host.file());
        assertTrue(host.line() > 1, host.toString());
        assertTrue(result.findings().stream().noneMatch(f -> f.message().contains("not-a-placeholder")), result.text());
    }

    @Test
    void theTrapKeyASyntaxErrorAndADomainMismatchAreNamedByLineInDeploymentTomlWords() throws Exception {
        List<Path> zips = build("is-7.0.0", "hazelcast_5.3.6.wso2v1.jar", input("is-7.0.0"));
        // WSO2's own docs once had [transport.https] proxyPort: ignored silently by the server.
        TestClusters.editEntry(zips.get(2), TOML, t -> t + "\n[transport.https]\nproxyPort = 443\n");
        TestClusters.editEntry(zips.get(3), TOML, t -> t.replace("domain = \"wso2.as.domain\"", "domain = \"wso2.is.domain\""));
        TestClusters.editEntry(zips.get(1), TOML, t -> t.replace("[super_admin]", "[super_admin"));
        List<NodeFacts> nodes = read(zips);
        VerifyResult result = new ClusterVerifier().verify(nodes);
        List<Finding> keys = result.of("worker1", "toml-keys");
        assertEquals(1, keys.size(), result.text());
        assertTrue(keys.get(0).located().matches(TOML.replace(".", "\\.") + ":\\d+: transport\\.https\\.proxyPort is read by no"
                + " template or rule of this product, so WSO2 ignores it silently: did you mean \\[transport\\.https\\.properties\\]"
                + " proxyPort\\?"), keys.get(0).located());
        List<Finding> domain = result.of("worker2", "domain");
        assertEquals(1, domain.size(), result.text());
        assertTrue(domain.get(0).located().startsWith(TOML + ":"), domain.get(0).located());
        List<Finding> syntax = result.of("manager2", "config-files");
        assertEquals(1, syntax.size(), result.text());
        assertTrue(syntax.get(0).located().matches(TOML.replace(".", "\\.") + ":\\d+: column \\d+: not valid TOML: .*"),
                syntax.get(0).located());
    }

    @Test
    void clusteringLeftOutOfDeploymentTomlIsReportedInItsKeys() throws Exception {
        List<Path> zips = build("apim-4.1.0", "hazelcast_3.12.2.wso2v1.jar", input("apim-4.1.0"));
        TestClusters.editEntry(zips.get(3), TOML, t -> t.replace("membership_scheme = \"wka\"\n", ""));
        VerifyResult result = new ClusterVerifier().verify(read(zips));
        List<String> messages = result.of("worker2", "clustering-enabled").stream().map(Finding::located).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(TOML + ":") && m.contains("clustering is disabled (no"
                + " [clustering] membership_scheme)") && m.contains("set [clustering] membership_scheme = \"wka\"")),
                messages + "\n" + result.text());
    }

    @Test
    void aProductWhoseTemplateHasNoManagementHostNameRefusesMgtHostNameBeforeWritingAnything() {
        ClusterInput input = input("apim-3.0.0");
        input.mgtHostName = "mgt.am.wso2.com";
        input.nodes.get(1).setSubDomain("mgt");
        ClusterBuildException e = assertThrows(ClusterBuildException.class,
                () -> build("apim-3.0.0", "hazelcast_3.12.2.wso2v1.jar", input));
        assertTrue(e.getMessage().contains("mgtHostName: this distribution's carbon.xml.j2 does not read"
                + " server.mgt_console_hostname"), e.getMessage());
        assertTrue(e.getMessage().contains("node 'manager2': subDomain has no deployment.toml counterpart"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out-apim-3.0.0/cluster-manager.zip")));
    }

    /** The live check on each Hazelcast line deployment.toml products ship, read from the distribution's bundle. */
    @ParameterizedTest
    @CsvSource({"apim-4.1.0, hazelcast_3.12.2.wso2v1.jar, 3.12.2", "is-7.0.0, hazelcast_4.2.8.wso2v1.jar, 4.2.8",
            "is-7.0.0, hazelcast_5.3.6.wso2v1.jar, 5.3.6"})
    void theLiveCheckFormsTheClusterOnEachHazelcastLine(String product, String bundle, String expected) throws Exception {
        List<NodeFacts> nodes = read(build(product, bundle, input(product)));
        List<String> versions = HazelcastVersions.candidates(nodes, null);
        assertEquals(expected, versions.get(0), versions.toString());
        Path jar = Path.of(System.getProperty("hazelcast.jars", "target/hazelcast"), "hazelcast-" + expected + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the build copies it in generate-test-resources");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, loader, Duration.ofSeconds(60));
            assertTrue(outcome.formed(), product + " with " + expected + ": " + outcome.summary() + " " + outcome.findings());
            assertEquals(List.of(List.of("manager", "manager2", "worker1", "worker2")), outcome.groups());
        }
    }

    /** Every vendored file has its provenance row, and its bytes are the blob the row names (git hash-object). */
    @Test
    void everyVendoredFileHasItsProvenanceRowAndItsBlob() throws Exception {
        String provenance = Files.readString(ROOT.resolve("PROVENANCE.md"));
        int files = 0;
        try (var walk = Files.walk(ROOT)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("PROVENANCE.md")).toList()) {
                String relative = ROOT.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
                sha1.update(("blob " + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String blob = java.util.HexFormat.of().formatHex(sha1.digest(bytes));
                assertTrue(provenance.matches("(?s).*\\| " + java.util.regex.Pattern.quote(relative) + " \\| " + bytes.length
                        + " \\| \\w+ \\| [^|]+ \\| " + blob + " \\|.*"), relative);
                files++;
            }
        }
        assertEquals(182, files);
    }

    /** verify-cluster's standalone mode reads an unpacked deployment.toml node folder, rules included. */
    @Test
    void anUnpackedNodeFolderIsReadWithItsTemplates() throws Exception {
        List<Path> zips = build("apim-4.1.0", "hazelcast_3.12.2.wso2v1.jar", input("apim-4.1.0"));
        Path folder = tmp.resolve("unpacked");
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zips.get(2)).get()) {
            for (var entry : java.util.Collections.list(zip.getEntries())) {
                Path target = folder.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        AtomicFiles.deleteTree(folder.resolve("wso2-apim-4.1.0/cluster")); // made elsewhere: no node.properties
        NodeFacts node = NodeFiles.read(folder);
        assertTrue(node.isToml());
        assertTrue(node.tomlRules().size() > 50, node.tomlRules().keySet().toString());
        VerifyResult result = new ClusterVerifier().verify(List.of(node));
        assertTrue(result.checks().contains("toml-keys"), result.checks().toString());
        assertEquals(List.of(), result.of(node.name(), "toml-keys"), result.text());
    }

    /**
     * Identity Server 7.2.0's stock deployment.toml has [datasource.AgentIdentity], which its master-datasources.xml.j2
     * reads through {% for data in datasource %}: a loop over a table of tables. Configured, the cluster passes with
     * no error and no warning (issue 26: toml-keys called all five keys unknown on every node). Its own rules cannot be
     * vendored (PROVENANCE.md): those of IS 7.0.0, which has the same loop, stand in.
     */
    @Test
    void anIdentityServer720ClusterPassesWithNoErrorAndNoWarning() throws Exception {
        ClusterInput input = input("is-7.0.0");
        String top = "wso2is-7.2.0";
        Path zip = ZipBuilder.create().folder(ROOT.resolve("is-7.0.0"), top)
                .file(top + "/" + TOML, Files.readAllBytes(ROOT.resolve("is-7.2.0").resolve(TOML)), 0644)
                .file(top + "/repository/components/plugins/hazelcast_5.3.6.wso2v1.jar", new byte[] {'P', 'K', 5, 6}, 0644)
                .write(tmp.resolve("is-7.2.0.zip"));
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        List<NodeFacts> nodes = read(new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip,
                Digests.sha256(zip), null, new OutputLayout(tmp.resolve("out-is-7.2.0"), "cluster"),
                new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "test")).zips().stream().map(z -> z.zip()).toList());
        assertTrue(nodes.get(0).toml().orElseThrow().value("datasource.AgentIdentity.url").isPresent(), "the 7.2.0 file");
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertTrue(result.checks().contains("toml-keys"), result.checks().toString());
        assertEquals(0, result.errors() + result.warnings(), result.text());
    }

    /** The loop rule on a minimal template: a table of tables and an array of tables are read alike. */
    @Test
    void keysReadThroughALoopAreKnownInATableOfTablesAndInAnArrayOfTables() {
        TomlKeys keys = TomlKeys.of(Map.of("templates/datasources.xml.j2", ("{% for data in datasource %}<name>{{data.id}}</name>"
                + "<url>{{data.url}}</url>{% for name, value in data.pool_options.items() %}<{{name}}>{{value}}</{{name}}>"
                + "{% endfor %}{% endfor %}{{ server.hostname }}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String known : List.of("datasource.id", "datasource.url", "datasource.AgentIdentity.id",
                "datasource.AgentIdentity.url", "datasource.AgentIdentity.pool_options.maxActive", "datasource.pool_options.x",
                "server.hostname")) {
            assertTrue(keys.known(known), known);
        }
        for (String unknown : List.of("datasource.AgentIdentity.nope", "datasource.a.b.id", "server.AgentIdentity.hostname",
                "datasources.AgentIdentity.id")) {
            assertTrue(!keys.known(unknown), unknown);
        }
    }

    /** A misspelt key gets the nearest key of its own table, not a look-alike of another (issue 26). */
    @Test
    void aMisspeltKeyIsMatchedToTheNearestKeyOfItsOwnTable() throws Exception {
        List<Path> zips = build("is-7.0.0", "hazelcast_5.3.6.wso2v1.jar", input("is-7.0.0"));
        TestClusters.editEntry(zips.get(2), TOML, t -> t.replace("members = [", "memebrs = ["));
        VerifyResult result = new ClusterVerifier().verify(read(zips));
        List<Finding> keys = result.of("worker1", "toml-keys");
        assertEquals(1, keys.size(), result.text());
        assertTrue(keys.get(0).message().equals("clustering.memebrs is read by no template or rule of this product, so WSO2"
                + " ignores it silently: did you mean [clustering] members?"), keys.get(0).message());
    }
}
