package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real Hazelcast members (3.0.1 as in Carbon 4.2, 3.5 as in Carbon 4.4) on loopback. */
class LiveClusterTest {
    @TempDir
    Path tmp;

    private static ClassLoader hazelcast(String version) throws Exception {
        Path jar = Path.of(System.getProperty("hazelcast.jars", "target/hazelcast"), "hazelcast-" + version + ".jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is missing (mvn generate-test-resources copies it)");
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private List<NodeFacts> reference() throws Exception {
        return facts(TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp));
    }

    private static List<NodeFacts> facts(List<Path> zips) throws Exception {
        List<NodeFacts> nodes = new ArrayList<>();
        for (Path zip : zips) {
            nodes.add(NodeFiles.read(zip));
        }
        return nodes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.1", "3.5.5"})
    void theReferenceClusterForms(String version) throws Exception {
        LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(reference(), hazelcast(version), Duration.ofSeconds(60));
        assertTrue(outcome.formed(), outcome.summary() + " " + outcome.findings());
        assertTrue(outcome.summary().startsWith("cluster of 3 formed in "), outcome.summary());
        assertEquals(List.of(List.of("manager", "worker1", "worker2")), outcome.groups());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5.5"})
    void aMemberListPointingNowhereIsolatesTheNode(String version) throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        TestClusters.editEntry(zips.get(2), "repository/conf/axis2/axis2.xml",
                t -> t.replace("<port>4100</port>", "<port>4999</port>").replace("<port>4200</port>", "<port>4998</port>"));
        List<NodeFacts> nodes = facts(zips);
        LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, hazelcast(version), Duration.ofSeconds(60));
        assertFalse(outcome.formed());
        assertEquals("manager, worker1 | worker2", LiveCluster.format(outcome.groups()), outcome.summary());
        assertEquals(1, outcome.findings().size(), outcome.findings()::toString);
        Finding finding = outcome.findings().get(0);
        assertEquals("worker2", finding.node());
        assertTrue(finding.message().contains("could not join manager, worker1: it joined no other node")
                && finding.message().contains("10.0.0.2:4999 (no node)"), finding.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5.5"})
    void aDomainMismatchGivesTwoGroups(String version) throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        TestClusters.editEntry(zips.get(1), "repository/conf/axis2/axis2.xml", t -> t.replace(">wso2.as.domain<", ">other<"));
        TestClusters.editEntry(zips.get(2), "repository/conf/axis2/axis2.xml", t -> t.replace(">wso2.as.domain<", ">other<"));
        List<NodeFacts> nodes = facts(zips);
        LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, hazelcast(version), Duration.ofSeconds(60));
        assertFalse(outcome.formed());
        assertEquals("worker1, worker2 | manager", LiveCluster.format(outcome.groups()), outcome.summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0.1"})
    void aNodeOfAnotherDomainStaysOutside(String version) throws Exception {
        List<Path> zips = TestClusters.referenceZips(ZipBuilder.sampleDistribution(), tmp);
        TestClusters.editEntry(zips.get(2), "repository/conf/axis2/axis2.xml", t -> t.replace(">wso2.as.domain<", ">other<"));
        List<NodeFacts> nodes = facts(zips);
        LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, hazelcast(version), Duration.ofSeconds(30));
        assertFalse(outcome.formed());
        assertEquals("manager, worker1 | worker2", LiveCluster.format(outcome.groups()), outcome.summary());
        assertEquals(List.of("worker2"), outcome.findings().stream().map(Finding::node).toList(), outcome.findings()::toString);
        assertTrue(outcome.findings().get(0).message().startsWith("could not join manager, worker1: it joined no other node;"
                + " domain 'other'"), outcome.findings()::toString);
    }

    @org.junit.jupiter.api.Test
    void aTimeoutOfZeroIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LiveCluster(Reporter.SILENT).run(List.of(), ClassLoader.getPlatformClassLoader(), Duration.ZERO));
        assertTrue(e.getMessage().contains("timeout must be positive"), e.getMessage());
    }
}
