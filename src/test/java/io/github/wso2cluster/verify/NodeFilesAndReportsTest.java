package io.github.wso2cluster.verify;

import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.report.VerifyResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.config.SafeXml;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.output.ZipIntegrity;
import java.util.Arrays;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipFile;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

class NodeFilesAndReportsTest {
    @TempDir
    Path tmp;

    @Test
    void nodeZipsAreNamedByTheirNodeProperties() throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        NodeFacts worker = NodeFiles.read(zips.get(1));
        assertEquals("worker1", worker.name());
        assertEquals("wso2.as.domain", worker.settings().clustering(Setting.DOMAIN).value());
    }

    @Test
    void foreignZipsAndFoldersAreNamedByTheirFileNames() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("as-node-7.zip"));
        assertEquals("as-node-7", NodeFiles.read(zip).name());
        Path folder = tmp.resolve("node-b");
        Files.createDirectories(folder);
        copyTree(ZipBuilder.sampleDistribution(), folder.resolve("wso2as-5.2.1"));
        NodeFacts facts = NodeFiles.read(folder);
        assertEquals("node-b", facts.name());
        assertEquals("wso2.carbon.domain", facts.settings().clustering(Setting.DOMAIN).value(), "read from the single top folder");
        assertEquals(List.of(), facts.readProblems());
        NodeFacts top = NodeFiles.read(folder.resolve("wso2as-5.2.1"));
        assertEquals("wso2as-5.2.1", top.name(), "the top folder itself works too");
    }

    @Test
    void aFolderThatIsNoNodeIsRefused() {
        IOException e = assertThrows(IOException.class, () -> NodeFiles.read(tmp));
        assertTrue(e.getMessage().contains("is not an unpacked WSO2 node"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> NodeFiles.read(tmp.resolve("nope.zip")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void theStockDistributionFailsTheChecksAnOperatorWouldExpect() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("stock.zip"));
        VerifyResult result = new ClusterVerifier().verify(List.of(NodeFiles.read(zip)));
        List<String> failed = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::check)
                .distinct().toList();
        // ${childfirstCL}, which the stock Carbon 4.2 axis2.xml ships, is information only (no cluster value).
        assertEquals(List.of("clustering-enabled", "local-member-host", "well-known-members"), failed, result::text);
        assertTrue(result.findings().stream().anyMatch(f -> f.check().equals("placeholders") && f.severity() == Severity.INFO
                && f.message().contains("${childfirstCL}")), result::text);
        assertTrue(result.findings().stream().anyMatch(f -> f.check().equals("domain") && f.severity() == Severity.WARNING));
    }

    @Test
    void theJunitReportHasOneTestCasePerCheckAndNode() throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        TestClusters.editEntry(zips.get(2), "repository/conf/axis2/axis2.xml", t -> t.replace(">wso2.as.domain<", ">x&amp;y<"));
        List<NodeFacts> nodes = new ArrayList<>();
        for (Path zip : zips) {
            nodes.add(NodeFiles.read(zip));
        }
        VerifyResult result = new ClusterVerifier().verify(nodes);
        Reports.write(result, tmp.resolve("reports"), false);
        Document junit = SafeXml.parse("junit", Files.readString(tmp.resolve("reports/" + Reports.JUNIT)));
        Element suite = junit.getRootElement();
        // 19 cases a node: 12 checks that ran, and the 4 database checks, shared-state, the load-balancer and the
        // toml-keys check, skipped (no shared datasource, nothing a Carbon product must share, no load balancer, not a
        // deployment.toml product) saying why.
        assertEquals("57", suite.getAttributeValue("tests"));
        assertEquals("1", suite.getAttributeValue("failures"));
        assertEquals("21", suite.getAttributeValue("skipped"));
        Element failed = suite.getChildren("testcase").stream().filter(c -> c.getChild("failure") != null)
                .findFirst().orElseThrow();
        assertEquals("wso2-cluster.worker2", failed.getAttributeValue("classname"));
        assertEquals("domain", failed.getAttributeValue("name"));
        assertTrue(failed.getChild("failure").getAttributeValue("message").contains("domain 'x&y' differs"));
        String text = Files.readString(tmp.resolve("reports/" + Reports.TEXT));
        assertTrue(text.startsWith("verify-cluster: 3 nodes, 12 checks: 1 error, 0 warnings\n"), text);
        assertTrue(text.contains("node 'manager' (" + zips.get(0) + "): every check passed"), text);
    }

    @Test
    void warningsFailTestCasesOnlyWithFailOnWarning() {
        NodeFacts node = NodeFacts.of("n", "n.zip", Map.of());
        Finding warning = new Finding(Severity.WARNING, "domain", "n", "f.xml", 3, "stock domain");
        VerifyResult result = new VerifyResult(List.of("domain"), List.of(node), List.of(warning));
        assertTrue(Reports.junit(result, false).contains("failures=\"0\""));
        assertTrue(Reports.junit(result, false).contains("<system-out>WARNING f.xml:3: stock domain"));
        assertTrue(Reports.junit(result, true).contains("failures=\"1\""));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void theJunitReportStaysValidXmlForControlCharactersAndListsSkippedChecks() throws Exception {
        NodeFacts node = NodeFacts.of("bad\u0001id\u001b", "n.zip", Map.of());
        VerifyResult result = new ClusterVerifier().verify(List.of(node), Set.of("proxy-ports"));
        String junit = Reports.junit(result, false);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                junit.getBytes(StandardCharsets.UTF_8)));
        var skipped = document.getElementsByTagName("skipped");
        long byUser = java.util.stream.IntStream.range(0, skipped.getLength()).filter(i -> ((org.w3c.dom.Element) skipped.item(i))
                .getAttribute("message").equals("skipped with skipChecks")).count();
        assertEquals(1, byUser, junit);
        assertTrue(junit.contains("classname=\"wso2-cluster.bad\uFFFDid\uFFFD\""), junit);
        assertTrue(junit.contains("skipped=\"8\""), junit);
        assertEquals(List.of("proxy-ports"), result.skipped());
        assertTrue(!result.checks().contains("proxy-ports"));
    }

    @Test
    void anUnreadableNodeFailsItsConfigFilesCase() {
        NodeFacts node = NodeFiles.unreadable(tmp.resolve("gone.zip"), "gone.zip does not exist");
        VerifyResult result = new ClusterVerifier().verify(List.of(node));
        assertEquals("gone", node.name());
        assertEquals(List.of("config-files"), result.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::check).distinct().toList(), result::text);
        assertTrue(result.text().contains("[config-files] the node cannot be read: gone.zip does not exist"), result.text());
    }

    @Test
    void aNodeZipWithAShadowEntryIsUnreadableNotPassed() throws Exception {
        Path zip = ZipBuilder.sample().file("wso2as-5.2.1/repository/conf/axis2/./axis2.xml", "<axisconfig/>")
                .write(tmp.resolve("shadow.zip"));
        IOException e = assertThrows(IOException.class, () -> NodeFiles.read(zip));
        assertTrue(e.getMessage().contains("entry 'wso2as-5.2.1/repository/conf/axis2/./axis2.xml' is not a plain path"),
                e.getMessage());
    }

    @Test
    void aHugeConfigFileInANodeZipIsNamedNotLoaded() throws Exception {
        int huge = io.github.wso2cluster.config.ConfigFiles.MAX_BYTES + 10;
        Path zip = ZipBuilder.sample().spaces("wso2as-5.2.1/repository/conf/axis2/axis2.xml", huge).write(tmp.resolve("bomb.zip"));
        IOException e = assertThrows(IOException.class, () -> NodeFiles.read(zip));
        assertTrue(e.getMessage().contains("wso2as-5.2.1/repository/conf/axis2/axis2.xml is " + huge
                + " bytes once inflated"), e.getMessage());
    }

    @Test
    void aZipThatIsNoLongerTheOneCusterJsonRecordsFailsItsConfigFilesCase() throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        Map<Path, ZipIntegrity> recorded = new HashMap<>();
        for (ClusterManifest.NodeZip zip : ClusterManifest.read(tmp.resolve("wso2-cluster/cluster.json"))) {
            recorded.put(tmp.resolve(zip.file()), zip.integrity());
        }
        assertEquals(Set.copyOf(zips), recorded.keySet());
        assertEquals(List.of(), failing(zips, recorded), "as written, every zip is the one recorded");

        byte[][] original = new byte[zips.size()][];
        for (int i = 0; i < zips.size(); i++) {
            original[i] = Files.readAllBytes(zips.get(i));
        }
        // Rewritten with an edited carbon.xml (a hand edit, another tool).
        TestClusters.editEntry(zips.get(1), "repository/conf/carbon.xml", t -> t.replace("<Offset>0</Offset>", "<Offset>1</Offset>"));
        assertEquals(List.of("worker1"), failing(zips, recorded));
        Files.write(zips.get(1), original[1]);
        // Cut short (a full disk, a killed copy).
        Files.write(zips.get(1), Arrays.copyOf(original[1], original[1].length - 100));
        assertEquals(List.of("cluster-worker1"), failing(zips, recorded), "unreadable, so named by its file");
        assertTrue(new ClusterVerifier().verify(new NodeReader(null).read(zips, recorded)).text().contains(
                "cluster-worker1.zip is not the zip configure-cluster wrote (its size "), "and said to be cut short");
        Files.write(zips.get(1), original[1]);
        // Another node's zip in its place.
        Files.write(zips.get(2), original[1]);
        assertEquals(List.of("worker1"), failing(zips, recorded), "the zip in worker2's place is worker1's");
        assertTrue(new ClusterVerifier().verify(new NodeReader(null).read(zips, recorded)).text().contains(
                "cluster-worker2.zip is not the zip configure-cluster wrote"));
        Files.write(zips.get(2), original[2]);
        // One byte changed in place, in the edited axis2.xml's deflated data: same size, same directory.
        long at;
        try (ZipFile zip = ZipFile.builder().setPath(zips.get(0)).get()) {
            at = zip.getEntry("wso2as-5.2.1/repository/conf/axis2/axis2.xml").getDataOffset() + 10;
        }
        byte[] flipped = original[0].clone();
        flipped[(int) at] ^= 0x20;
        Files.write(zips.get(0), flipped);
        assertEquals(List.of("cluster-manager"), failing(zips, recorded), "no longer inflates, so named by its file");
        VerifyResult result = new ClusterVerifier().verify(new NodeReader(null).read(zips, recorded));
        assertTrue(result.text().contains("is not the zip configure-cluster wrote (the SHA-256 of its bytes from "),
                result.text());
        // One byte changed in the central directory (an untouched entry's internal attributes: still readable).
        flipped = original[0].clone();
        int record = indexOf(flipped, new byte[] {'P', 'K', 1, 2}, (int) recorded.get(zips.get(0)).writtenFrom());
        flipped[record + 36] ^= 1;
        Files.write(zips.get(0), flipped);
        assertEquals(List.of("manager"), failing(zips, recorded), "readable, named by its node.properties");
        Files.write(zips.get(0), original[0]);
        assertEquals(List.of(), failing(zips, recorded));
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    private static List<String> failing(List<Path> zips, Map<Path, ZipIntegrity> recorded) {
        VerifyResult result = new ClusterVerifier().verify(new NodeReader(null).read(zips, recorded));
        return result.findings().stream().filter(f -> f.check().equals("config-files")).map(Finding::node).toList();
    }
}
