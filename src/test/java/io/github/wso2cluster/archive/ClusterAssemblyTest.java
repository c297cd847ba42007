package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.ZipIntegrity;
import java.util.Arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class ClusterAssemblyTest {
    private static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TOP = "wso2as-5.2.1/";

    @TempDir
    Path tmp;
    private Path distributionZip;

    @BeforeEach
    void distribution() throws Exception {
        byte[] jar = new byte[50_000];
        new Random(7).nextBytes(jar);
        distributionZip = ZipBuilder.sample()
                .stored(TOP + "repository/components/plugins/hazelcast_3.0.1.wso2v1.jar", jar)
                .write(tmp.resolve("wso2as-5.2.1.zip"));
    }

    private ClusterAssembly.Result assemble(Cluster cluster, Path out, Path overlays) throws Exception {
        ClusterAssembly.Request request = new ClusterAssembly.Request(distributionZip, Digests.sha256(distributionZip), overlays, new OutputLayout(out, "deploy-1.0"), new EntryTimes(BUILD_TIME), true, 2, "1.0-test");
        return new ClusterAssembly(Reporter.SILENT).assemble(cluster, request);
    }

    private static Cluster reference() throws Exception {
        return new TopologyValidator(CredentialSource.NONE).validate(Fixtures.referenceCluster());
    }

    private static byte[] raw(ZipFile zip, ZipArchiveEntry entry) throws Exception {
        try (InputStream in = zip.getRawInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String content(ZipFile zip, String name) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void untouchedEntriesAreCopiedRawAndEditedOnesKeepTheirMode() throws Exception {
        ClusterAssembly.Result result = assemble(reference(), tmp.resolve("out"), null);
        assertEquals(List.of("deploy-1.0-manager.zip", "deploy-1.0-worker1.zip", "deploy-1.0-worker2.zip"),
                result.zips().stream().map(z -> z.zip().getFileName().toString()).toList());
        try (ZipFile source = ZipFile.builder().setPath(distributionZip).get();
             ZipFile node = ZipFile.builder().setPath(result.zips().get(1).zip()).get()) {
            List<String> sourceNames = Collections.list(source.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
            List<String> nodeNames = Collections.list(node.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
            assertEquals(sourceNames, nodeNames.subList(0, sourceNames.size()), "the distribution's order, then added files");
            assertEquals(List.of(TOP + "cluster/node.properties"), nodeNames.subList(sourceNames.size(), nodeNames.size()));
            for (ZipArchiveEntry original : Collections.list(source.getEntries())) {
                ZipArchiveEntry copy = node.getEntry(original.getName());
                assertEquals(original.getUnixMode(), copy.getUnixMode(), original.getName());
                if (original.getName().equals(TOP + ConfigFiles.AXIS2) || original.getName().equals(TOP + ConfigFiles.CARBON)) {
                    assertNotEquals(original.getCrc(), copy.getCrc(), original.getName() + " is edited");
                    assertEquals(BUILD_TIME.toEpochMilli(), copy.getTime() + TimeZone.getDefault().getOffset(copy.getTime()));
                    continue;
                }
                assertEquals(original.getCrc(), copy.getCrc(), original.getName());
                assertEquals(original.getMethod(), copy.getMethod(), original.getName());
                assertEquals(original.getTime(), copy.getTime(), original.getName());
                assertArrayEquals(raw(source, original), raw(node, copy), original.getName() + ": compressed bytes as they were");
            }
            assertEquals(0100755, node.getEntry(TOP + "bin/wso2server.sh").getUnixMode());
            assertTrue(content(node, TOP + "cluster/node.properties").contains("id=worker1\n"));
        }
        // java.util.zip reads it too (what the JDK, unzip and WSO2's scripts see).
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(result.zips().get(0).zip().toFile())) {
            assertTrue(jdk.stream().count() > 10);
        }
    }

    @Test
    void duplicateEntriesInTheDistributionKeepTheFirstInEveryNode() throws Exception {
        distributionZip = ZipBuilder.sample().duplicate(TOP + "README.txt", "second copy").write(tmp.resolve("dup.zip"));
        ClusterAssembly.Result result = assemble(reference(), tmp.resolve("out"), null);
        try (ZipFile node = ZipFile.builder().setPath(result.zips().get(0).zip()).get()) {
            assertEquals(1, Collections.list(node.getEntries()).stream().filter(e -> e.getName().equals(TOP + "README.txt")).count());
            assertTrue(content(node, TOP + "README.txt").startsWith("Sample distribution"));
        }
    }

    @Test
    void clusterJsonListsEveryNode() throws Exception {
        ClusterAssembly.Result result = assemble(reference(), tmp.resolve("out"), null);
        String json = Files.readString(tmp.resolve("out/wso2-cluster/cluster.json"));
        assertTrue(json.contains("\"domain\": \"wso2.as.domain\""), json);
        ZipIntegrity integrity = result.zips().get(2).integrity();
        assertTrue(json.contains("{\"id\": \"worker2\", \"role\": \"worker\", \"zip\": \"deploy-1.0-worker2.zip\", \"size\": "
                + integrity.size() + ", \"writtenFrom\": " + integrity.writtenFrom() + ", \"writtenSha256\": \""
                + integrity.writtenSha256() + "\", \"member\": \"10.0.0.4:4300\""), json);
        byte[] zip = Files.readAllBytes(result.zips().get(2).zip());
        assertEquals(zip.length, integrity.size());
        assertEquals(Digests.sha256(Arrays.copyOfRange(zip, (int) integrity.writtenFrom(), zip.length)),
                integrity.writtenSha256());
        assertTrue(integrity.writtenFrom() > zip.length / 2, "the copied entries come first, unhashed: " + integrity);
        assertTrue(json.contains("\"httpPort\": 9763, \"httpsPort\": 9443"), json);
        assertTrue(json.contains("\"wellKnownMembers\": [\"10.0.0.2:4100\", \"10.0.0.3:4200\"]"), json);
    }

    @Test
    void twoBuildsInDifferentTimeZonesGiveTheSameBytes() throws Exception {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            ClusterAssembly.Result tokyo = assemble(reference(), tmp.resolve("tokyo"), null);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            ClusterAssembly.Result la = assemble(reference(), tmp.resolve("la"), null);
            for (int i = 0; i < 3; i++) {
                assertEquals(tokyo.zips().get(i).integrity(), la.zips().get(i).integrity());
                assertArrayEquals(Files.readAllBytes(tokyo.zips().get(i).zip()), Files.readAllBytes(la.zips().get(i).zip()));
            }
            assertArrayEquals(Files.readAllBytes(tmp.resolve("tokyo/wso2-cluster/cluster.json")),
                    Files.readAllBytes(tmp.resolve("la/wso2-cluster/cluster.json")));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void overlaysApplyBeforeTheSettings() throws Exception {
        Path overlays = tmp.resolve("wso2");
        Files.createDirectories(overlays.resolve("common/repository/components/lib"));
        Files.writeString(overlays.resolve("common/repository/components/lib/mysql-driver.jar"), "driver");
        Files.createDirectories(overlays.resolve("manager/repository/conf/axis2"));
        String customAxis2 = Files.readString(ZipBuilder.sampleDistribution().resolve(ConfigFiles.AXIS2))
                .replace("<parameter name=\"mcastTTL\">100</parameter>", "<parameter name=\"mcastTTL\">3</parameter>");
        Files.writeString(overlays.resolve("manager/repository/conf/axis2/axis2.xml"), customAxis2);
        Files.createDirectories(overlays.resolve("worker1"));
        Files.writeString(overlays.resolve("worker1/README.txt"), "worker1 readme");

        ClusterAssembly.Result result = assemble(reference(), tmp.resolve("out"), overlays);
        try (ZipFile manager = ZipFile.builder().setPath(result.zips().get(0).zip()).get();
             ZipFile worker1 = ZipFile.builder().setPath(result.zips().get(1).zip()).get()) {
            String axis2 = content(manager, TOP + ConfigFiles.AXIS2);
            assertTrue(axis2.contains("<parameter name=\"mcastTTL\">3</parameter>"), "the overlay's file is the base");
            assertTrue(axis2.contains("<parameter name=\"membershipScheme\">wka</parameter>"), "the settings win");
            assertEquals("driver", content(manager, TOP + "repository/components/lib/mysql-driver.jar"));
            assertEquals("driver", content(worker1, TOP + "repository/components/lib/mysql-driver.jar"));
            assertEquals("worker1 readme", content(worker1, TOP + "README.txt"));
            assertEquals(0100644, worker1.getEntry(TOP + "README.txt").getUnixMode());
            assertTrue(content(manager, TOP + "README.txt").startsWith("Sample distribution"));
            assertTrue(content(worker1, TOP + ConfigFiles.AXIS2).contains("<parameter name=\"mcastTTL\">100</parameter>"));
        }
    }

    @Test
    void aSecondBuildWithNothingChangedWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        ClusterAssembly.Result first = assemble(reference(), out, null);
        assertEquals(List.of("manager", "worker1", "worker2"), first.rebuilt());
        List<Long> times = modified(first);
        ClusterAssembly.Result second = assemble(reference(), out, null);
        assertEquals(List.of(), second.rebuilt());
        assertEquals(times, modified(second), "no zip was rewritten");
        assertEquals(first.zips().stream().map(AssembledNode::integrity).toList(),
                second.zips().stream().map(AssembledNode::integrity).toList());
    }

    @Test
    void aChangedInputRebuildsExactlyTheNodesItTouches() throws Exception {
        Path out = tmp.resolve("out");
        Path overlays = tmp.resolve("wso2");
        Files.createDirectories(overlays.resolve("worker2"));
        Files.writeString(overlays.resolve("worker2/notes.txt"), "v1");
        assemble(reference(), out, overlays);

        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(1).setPortOffset("5");
        assertEquals(List.of("worker1"), assemble(new TopologyValidator(CredentialSource.NONE).validate(input), out, overlays).rebuilt(),
                "a setting of one node");
        Files.writeString(overlays.resolve("worker2/notes.txt"), "v2");
        assertEquals(List.of("worker2"), assemble(new TopologyValidator(CredentialSource.NONE).validate(input), out, overlays).rebuilt(),
                "an overlay file of one node");
        Files.delete(out.resolve("deploy-1.0-manager.zip"));
        assertEquals(List.of("manager"), assemble(new TopologyValidator(CredentialSource.NONE).validate(input), out, overlays).rebuilt(),
                "a deleted zip");
        input.hostName = "other.example.com";
        assertEquals(List.of("manager", "worker1", "worker2"),
                assemble(new TopologyValidator(CredentialSource.NONE).validate(input), out, overlays).rebuilt(), "a cluster-wide setting");
    }

    @Test
    void aNoChangeBuildDoesNotEvenOpenTheDistribution() throws Exception {
        Path out = tmp.resolve("out");
        String sha = Digests.sha256(distributionZip);
        ClusterAssembly.Request request = new ClusterAssembly.Request(distributionZip, sha, null, new OutputLayout(out, "deploy-1.0"), new EntryTimes(BUILD_TIME), true, 2, "1.0-test");
        ClusterAssembly.Result first = new ClusterAssembly(Reporter.SILENT).assemble(reference(), request);
        // Same digest (as the digest cache reports for an untouched file), but the bytes are no zip any more:
        // only a run that opens the distribution can notice.
        Files.writeString(distributionZip, "not a zip");
        ClusterAssembly.Result second = new ClusterAssembly(Reporter.SILENT).assemble(reference(), request);
        assertEquals(List.of(), second.rebuilt());
        assertEquals(first.zips(), second.zips());
        assertTrue(second.configurations().isEmpty(), "nothing was configured");

        ClusterInput changed = Fixtures.referenceCluster();
        changed.nodes.get(2).setPortOffset("1");
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(changed);
        assertThrows(ArchiveException.class, () -> new ClusterAssembly(Reporter.SILENT).assemble(cluster, request),
                "a changed setting does open it");
        ClusterAssembly.Result afterFailure = null;
        Files.copy(ZipBuilder.sample().write(tmp.resolve("again.zip")), distributionZip,
                StandardCopyOption.REPLACE_EXISTING);
        afterFailure = new ClusterAssembly(Reporter.SILENT).assemble(reference(), new ClusterAssembly.Request(distributionZip, Digests.sha256(distributionZip), null, new OutputLayout(out, "deploy-1.0"), new EntryTimes(BUILD_TIME), true, 2, "1.0-test"));
        assertEquals(List.of("manager", "worker1", "worker2"), afterFailure.rebuilt(), "new distribution bytes rebuild all");
    }

    private static List<Long> modified(ClusterAssembly.Result result) throws Exception {
        List<Long> times = new ArrayList<>();
        for (AssembledNode zip : result.zips()) {
            times.add(Files.getLastModifiedTime(zip.zip()).toMillis());
        }
        return times;
    }

    @Test
    void aFailingNodeLeavesNoZipAtAll() throws Exception {
        Path out = tmp.resolve("out");
        ClusterAssembly.Result first = assemble(reference(), out, null);
        byte[] before = Files.readAllBytes(first.zips().get(0).zip());

        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(2).setXmlEdits(List.of(new XmlEditInput(ConfigFiles.CARBON, "/Server/Nope", null, "1")));
        Cluster broken = new TopologyValidator(CredentialSource.NONE).validate(input);
        ClusterBuildException e = assertThrows(ClusterBuildException.class, () -> assemble(broken, out, null));
        assertEquals(List.of("node 'worker2': repository/conf/carbon.xml: xmlEdit xpath '/Server/Nope' matches nothing;"
                + " check the element names against the file"), e.problems());
        assertArrayEquals(before, Files.readAllBytes(first.zips().get(0).zip()), "the previous zips stay as they were");
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")));
        }
    }

    /** Two builds of one project at once (a CI retry, two terminals): each publishes only its own finished zip. */
    @Test
    void concurrentBuildsOfOneProjectNeverPublishAHalfWrittenZip() throws Exception {
        Path out = tmp.resolve("concurrent");
        Cluster cluster = reference();
        for (int round = 0; round < 3; round++) {
            Files.deleteIfExists(out.resolve("wso2-cluster/nodes/cluster.state")); // force every round to write
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ClusterAssembly.Result>> builds = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    builds.add(pool.submit(() -> assemble(cluster, out, null)));
                }
                for (var build : builds) {
                    build.get();
                }
            } finally {
                pool.shutdownNow();
            }
            String manifest = Files.readString(out.resolve("wso2-cluster/cluster.json"));
            for (String node : List.of("manager", "worker1", "worker2")) {
                Path zip = out.resolve("deploy-1.0-" + node + ".zip");
                try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
                    for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                        try (var in = file.getInputStream(entry)) {
                            in.readAllBytes(); // checks each entry's CRC
                        }
                    }
                }
                ZipIntegrity recorded = ClusterManifest.read(out.resolve("wso2-cluster/cluster.json")).stream()
                        .filter(z -> z.id().equals(node)).findFirst().orElseThrow().integrity();
                assertEquals(null, recorded.problem(zip), node + " does not match its record in cluster.json");
                assertEquals("rw-r--r--", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(zip)), "node zips are readable like other build outputs");
            }
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve("wso2-cluster/cluster.json"))));
            try (var files = Files.list(out)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "temporary files left");
            }
        }
    }

    @Test
    void everyWriterGetsItsOwnTemporaryFile() throws Exception {
        Path destination = tmp.resolve("cluster-manager.zip");
        Path first = AtomicFiles.temporaryBeside(destination);
        Path second = AtomicFiles.temporaryBeside(destination);
        assertFalse(first.equals(second));
        assertTrue(first.getFileName().toString().matches("cluster-manager\\.\\d+\\.zip\\.part"), first.toString());
    }

    @Test
    void anOverlayFileWhoseNameHoldsBackslashesIsRefused() throws Exception {
        Path overlays = tmp.resolve("overlays");
        Files.createDirectories(overlays.resolve("common"));
        Files.writeString(overlays.resolve("common").resolve("..\\..\\..\\evil.sh"), "#!/bin/sh\n");
        Path out = tmp.resolve("evil");
        ArchiveException e = assertThrows(ArchiveException.class, () -> assemble(reference(), out, overlays));
        assertTrue(e.getMessage().contains("its name '..\\..\\..\\evil.sh' is an absolute path or uses backslashes"),
                e.getMessage());
        assertFalse(Files.exists(out.resolve("deploy-1.0-manager.zip")));
    }

    @Test
    void aFinalNameWithAFolderIsRefused() throws Exception {
        ClusterAssembly.Request request = new ClusterAssembly.Request(distributionZip, Digests.sha256(distributionZip), null, new OutputLayout(tmp.resolve("f"), "dist/as-cluster"), new EntryTimes(BUILD_TIME), true, 2, "1.0-test");
        ClusterBuildException e = assertThrows(ClusterBuildException.class,
                () -> new ClusterAssembly(Reporter.SILENT).assemble(reference(), request));
        assertTrue(e.getMessage().contains("project.build.finalName 'dist/as-cluster' is not a plain file name"), e.getMessage());
    }

    /** The POM-time rule knows only the stock ports; the configured nodes' real ports are checked before writing. */
    @Test
    void coHostedNodesWhoseRealPortsClashAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path moved = ZipBuilder.sample().edit(TOP + "repository/conf/tomcat/catalina-server.xml",
                t -> t.replace("port=\"9763\"", "port=\"9445\"")).write(tmp.resolve("moved.zip"));
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(1).setLocalMemberHost("10.0.0.2");
        input.nodes.get(1).setPortOffset("2");
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input); // stock ports: no clash
        Path out = tmp.resolve("clash");
        ClusterAssembly.Request request = new ClusterAssembly.Request(moved, Digests.sha256(moved), null,
                new OutputLayout(out, "deploy-1.0"), new EntryTimes(BUILD_TIME), true, 2, "1.0-test");
        ClusterBuildException e = assertThrows(ClusterBuildException.class,
                () -> new ClusterAssembly(Reporter.SILENT).assemble(cluster, request));
        assertTrue(e.getMessage().contains("node 'worker1': its HTTPS port 9445 (catalina-server.xml's connector port plus"
                + " portOffset 2) is also the port of node 'manager' (HTTP) on the same host 10.0.0.2"), e.getMessage());
        assertFalse(Files.exists(out.resolve("deploy-1.0-manager.zip")), "nothing written");
    }

    /** The configured JMX port of one co-hosted node is another's HTTP port: verify-cluster would refuse it. */
    @Test
    void aConfiguredJmxPortThatIsACoHostedNodesWebPortIsRefusedBeforeAnythingIsWritten() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(1).setLocalMemberHost("10.0.0.2");
        input.nodes.get(1).setPortOffset("1");
        input.nodes.get(1).setXmlEdits(List.of(new XmlEditInput(ConfigFiles.CARBON, "/Server/Ports/JMX/RMIRegistryPort",
                null, "9762")));
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input); // stock ports: no clash
        Path out = tmp.resolve("jmx");
        ClusterBuildException e = assertThrows(ClusterBuildException.class, () -> assemble(cluster, out, null));
        assertTrue(e.getMessage().contains("node 'worker1': its JMX RMI registry port 9763 (carbon.xml's"
                + " Ports/JMX/RMIRegistryPort plus portOffset 1) is also the port of node 'manager' (HTTP) on the same host"
                + " 10.0.0.2"), e.getMessage());
        assertFalse(Files.exists(out.resolve("deploy-1.0-manager.zip")), "nothing written");
    }

    /** An overlay cannot turn one node of a Carbon 4.x XML product into a deployment.toml product. */
    @Test
    void anOverlayDeploymentTomlOnAnXmlProductIsRefusedByName() throws Exception {
        Path overlays = tmp.resolve("toml-overlay");
        Files.createDirectories(overlays.resolve("worker1/repository/conf"));
        Files.writeString(overlays.resolve("worker1/repository/conf/deployment.toml"), "[server]\nhostname = \"x\"\n");
        Path out = tmp.resolve("mixed");
        ClusterBuildException e = assertThrows(ClusterBuildException.class, () -> assemble(reference(), out, overlays));
        assertTrue(e.getMessage().contains("node 'worker1': repository/conf/deployment.toml: this node's overlay adds a"
                + " deployment.toml, but"), e.getMessage());
        assertTrue(e.getMessage().contains("never reads one"), e.getMessage());
        assertFalse(Files.exists(out.resolve("deploy-1.0-manager.zip")), "nothing written");
    }
}
