package io.github.wso2cluster.verify;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.report.VerifyResult;
import io.github.wso2cluster.testkit.TextEdits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every check, on a passing input (the reference cluster as configure-cluster builds it) and on failing
 * ones made by editing one node's files the way hand edits go wrong.
 */
class VerifyChecksTest {
    private static final String AXIS2 = ConfigFiles.AXIS2;
    private static final String CARBON = ConfigFiles.CARBON;
    private static final String CATALINA = ConfigFiles.CATALINA;

    private final Map<String, Map<String, byte[]>> nodes = new LinkedHashMap<>();

    @BeforeEach
    void build() throws Exception {
        build(TestClusters.referenceInput());
    }

    private void build(ClusterInput input) throws Exception {
        nodes.clear();
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        Map<String, byte[]> distribution = new LinkedHashMap<>();
        for (String file : List.of(AXIS2, CARBON, CATALINA)) {
            distribution.put(file, Files.readAllBytes(ZipBuilder.sampleDistribution().resolve(file)));
        }
        nodes.putAll(TestClusters.configureFiles(cluster, distribution));
    }

    private void edit(String node, String file, UnaryOperator<String> change) {
        TextEdits.edit(nodes.get(node), file, change, node);
    }

    private VerifyResult verify() {
        List<NodeFacts> facts = new ArrayList<>();
        nodes.forEach((id, files) -> facts.add(NodeFacts.of(id + "-zip", "test/" + id + ".zip", files)));
        return new ClusterVerifier().verify(facts);
    }

    private List<Finding> findings(String check) {
        return verify().findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static void assertOnly(List<Finding> findings, String node, Severity severity, String text) {
        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(node, finding.node());
        assertEquals(severity, finding.severity());
        assertTrue(finding.located().contains(text), finding::located);
    }

    @Test
    void theReferenceClusterPassesEveryCheck() {
        VerifyResult result = verify();
        assertEquals(List.of(), result.findings());
        assertEquals(12, result.checks().size());
        assertTrue(result.text().contains("node 'worker2' (test/worker2.zip): every check passed"), result.text());
    }

    @Test
    void configFiles() {
        nodes.get("worker2").remove(CATALINA);
        edit("worker1", AXIS2, t -> t.replace("</clustering>", "</clusterin>"));
        List<Finding> found = findings("config-files");
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).located().startsWith(AXIS2 + ": line "), found.get(0).located());
        assertEquals("worker1", found.get(0).node());
        assertEquals(CATALINA + ": the file is missing; every node needs this file, well-formed", found.get(1).located());
    }

    @Test
    void clusteringEnabled() throws Exception {
        edit("worker1", AXIS2, t -> t.replace("enable=\"true\">", "enable=\"false\">"));
        assertOnly(findings("clustering-enabled"), "worker1", Severity.ERROR,
                AXIS2 + ":43: clustering is disabled (enable=\"false\"); set enable=\"true\" on <clustering>");
        build(TestClusters.referenceInput());
        edit("worker2", AXIS2, t -> t.replace(">wka<", ">multicast<"));
        assertOnly(findings("clustering-enabled"), "worker2", Severity.ERROR, "membershipScheme is 'multicast'");
    }

    @Test
    void domainMismatchAndStockDomain() throws Exception {
        edit("worker2", AXIS2, t -> t.replace(">wso2.as.domain<", ">wso2.as.domian<"));
        assertOnly(findings("domain"), "worker2", Severity.ERROR,
                "domain 'wso2.as.domian' differs from 'wso2.as.domain' on the other nodes");
        ClusterInput stock = TestClusters.referenceInput();
        stock.domain = "wso2.carbon.domain";
        build(stock);
        List<Finding> found = findings("domain");
        assertEquals(3, found.size());
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.WARNING && f.message().contains("stock")));
    }

    @Test
    void localMemberHost() {
        edit("worker1", AXIS2, t -> t.replace(">10.0.0.3<", ">127.0.0.1<"));
        edit("worker2", AXIS2, t -> t.replace("<parameter name=\"localMemberHost\">10.0.0.4</parameter>",
                "<parameter name=\"localMemberHost\"> </parameter>"));
        List<Finding> found = findings("local-member-host");
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).located().contains("localMemberHost is 127.0.0.1, which other machines cannot reach"));
        assertTrue(found.get(1).located().contains("localMemberHost is empty"));
    }

    @Test
    void uniqueMemberAddress() {
        edit("worker2", AXIS2, t -> t.replace(">10.0.0.4<", ">10.0.0.3<").replace(">4300<", ">4200<"));
        assertOnly(findings("unique-member-address"), "worker2", Severity.ERROR,
                "member address 10.0.0.3:4200 is also node 'worker1''s");
    }

    @Test
    void membersBlock() {
        edit("manager", AXIS2, t -> t.replace("        <!-- Group management",
                "        <members>\n        </members>\n        <!-- Group management"));
        assertOnly(findings("members-block"), "manager", Severity.ERROR, "2 <members> elements; keep exactly one");
    }

    @Test
    void fewerThanTwoWellKnownMembersIsAWarning() throws Exception {
        ClusterInput input = TestClusters.referenceInput();
        input.nodes.get(1).setWellKnown(null);
        build(input);
        List<Finding> found = findings("members-block");
        assertEquals(3, found.size());
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.WARNING
                && f.message().startsWith("1 well-known member(s)")), found::toString);
    }

    @Test
    void wellKnownEntryMatchingNoNode() {
        UnaryOperator<String> wrongPort = t -> t.replace("<port>4200</port>", "<port>4201</port>");
        nodes.keySet().forEach(id -> edit(id, AXIS2, wrongPort));
        List<Finding> found = findings("well-known-members");
        assertEquals(3, found.size(), found::toString);
        assertTrue(found.get(0).located().matches(AXIS2 + ":\\d+: well-known member 10.0.0.3:4201 matches no node of this cluster.*"),
                found.get(0).located());
    }

    @Test
    void rangesAreExpandedBeforeMatching() throws Exception {
        ClusterInput input = TestClusters.referenceInput();
        input.wellKnownMembers = List.of("10.0.0.2:4100", "10.0.0.3-4:4200");
        build(input);
        assertEquals(List.of(), findings("well-known-members"), "10.0.0.3:4200 is worker1");
        input.wellKnownMembers = List.of("10.0.0.2:4100", "10.0.0.5-9:4200");
        build(input);
        assertEquals(3, findings("well-known-members").size());
    }

    @Test
    void noManagerAmongTheWellKnownMembers() throws Exception {
        ClusterInput input = TestClusters.referenceInput();
        input.wellKnownMembers = List.of("10.0.0.3:4200", "10.0.0.4:4300");
        build(input);
        List<Finding> found = findings("well-known-members");
        assertEquals(3, found.size());
        assertTrue(found.stream().allMatch(f -> f.message().startsWith("no manager among the well-known members")));
    }

    @Test
    void memberListsThatDiffer() {
        edit("worker2", AXIS2, t -> t.replaceAll("(?s)\\s*<member>\\s*<hostName>10.0.0.3</hostName>.*?</member>", ""));
        List<Finding> found = findings("well-known-members");
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker2")
                && f.message().contains("differs from node 'manager''s")), found::toString);
    }

    @Test
    void subDomain() {
        edit("manager", AXIS2, t -> t.replace("value=\"mgt\"/>\n", "value=\"worker\"/>\n"));
        assertOnly(findings("sub-domain"), "manager", Severity.ERROR, "subDomain is 'worker' on a manager; set it to 'mgt'");
    }

    @Test
    void coHostedNodesSharingPorts() throws Exception {
        ClusterInput input = TestClusters.referenceInput();
        input.nodes.get(2).setLocalMemberHost("10.0.0.3");
        input.nodes.get(2).setPortOffset("1");
        build(input);
        assertEquals(List.of(), findings("port-conflicts"));
        edit("worker2", CARBON, t -> t.replace("<Offset>1</Offset>", "<Offset>0</Offset>"));
        List<Finding> found = findings("port-conflicts");
        assertEquals(4, found.size(), found::toString);
        assertTrue(found.get(0).located().contains("its HTTP port 9763 is also the HTTP port of node 'worker1' on the same host 10.0.0.3"),
                found.get(0).located());
        assertTrue(found.stream().anyMatch(f -> f.message().contains("JMX RMI registry port 9999")));
    }

    @Test
    void deploymentSynchronizer() {
        edit("worker1", CARBON, t -> t.replace("<AutoCommit>false</AutoCommit>", "<AutoCommit>true</AutoCommit>"));
        edit("worker2", CARBON, t -> t.replace("https://svn.example.com/repos/as", "https://svn.example.com/repos/as2")
                .replace("<AutoCheckout>true</AutoCheckout>", "<AutoCheckout>yes</AutoCheckout>"));
        List<Finding> found = findings("deployment-synchronizer");
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker1") && f.message().startsWith("a worker with AutoCommit true")));
        assertTrue(found.stream().anyMatch(f -> f.node().equals("manager") && f.message().startsWith("more than one node commits")));
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker2") && f.message().startsWith("SvnUrl 'https://svn.example.com/repos/as2' differs")));
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker2") && f.message().equals("DeploymentSynchronizer/AutoCheckout is 'yes'; Carbon reads only true or false")));
    }

    @Test
    void deploymentSynchronizerOffOnOneNode() {
        edit("worker2", CARBON, t -> t.replace("<Enabled>true</Enabled>", "<Enabled>false</Enabled>"));
        assertOnly(findings("deployment-synchronizer"), "worker2", Severity.ERROR,
                "the deployment synchronizer is off here but on for [manager-zip, worker1-zip]".replace("-zip", ""));
    }

    @Test
    void proxyPorts() {
        edit("worker1", CATALINA, t -> t.replace("proxyPort=\"443\"", ""));
        List<Finding> found = findings("proxy-ports");
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker1")
                && f.message().startsWith("proxyPort is set on the HTTP connector only")), found::toString);
        assertTrue(found.stream().anyMatch(f -> f.node().equals("worker1")
                && f.message().startsWith("proxy ports (HTTP/HTTPS) are 80/null but node 'manager' has 80/443")), found::toString);
    }

    @Test
    void placeholdersOutsideClusterValuesAreInformation() {
        edit("worker2", CARBON, t -> t.replace("<Name>WSO2 Application Server</Name>", "<Name>${product.name}</Name>")
                .replace("<ServerKey>AS</ServerKey>", "<ServerKey>${server.key}</ServerKey>"));
        assertOnly(findings("placeholders"), "worker2", Severity.INFO,
                CARBON + ":17: the placeholder ${server.key} is unrendered, as the distribution ships it");
        assertEquals(0, verify().errors() + verify().warnings());
    }

    @Test
    void placeholdersWhereTheClusterDependsOnTheValueAreErrors() {
        edit("worker2", CARBON, t -> t.replace("<Offset>0</Offset>", "<Offset>${offset}</Offset>"));
        edit("worker1", AXIS2, t -> t.replace("<port>4200</port>", "<port>@member.port@</port>"));
        List<Finding> found = findings("placeholders");
        assertEquals(List.of("worker1", "worker2"), found.stream().map(Finding::node).sorted().toList(), found::toString);
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.ERROR), found::toString);
        assertTrue(found.stream().anyMatch(f -> f.located().contains("the placeholder ${offset} was never rendered, and the"
                + " cluster depends on this value")), found::toString);
    }

    @Test
    void aPasswordIsNeverScannedForPlaceholders() {
        edit("manager", CARBON, t -> t.replace("<SvnUser>svn-bot</SvnUser>",
                "<SvnUser>svn-bot</SvnUser><SvnPassword>s3cr@Word@${x}</SvnPassword>"));
        assertTrue(verify().text().contains("node 'manager'"));
        assertEquals(List.of(), findings("placeholders"));
    }

    @Test
    void twoManagersWithOneCommitterPass() {
        edit("worker1", AXIS2, t -> t.replace("<property name=\"subDomain\" value=\"worker\"/>",
                "<property name=\"subDomain\" value=\"mgt\"/>"));
        nodes.get("worker1").put("cluster/node.properties",
                "id=worker1\nrole=manager\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), findings("deployment-synchronizer"));
        edit("worker1", CARBON, t -> t.replace("<AutoCommit>false</AutoCommit>", "<AutoCommit>true</AutoCommit>"));
        assertTrue(findings("deployment-synchronizer").stream().anyMatch(f -> f.node().equals("worker1")
                && f.message().startsWith("more than one node commits to SVN (manager, worker1)")), findings("deployment-synchronizer")::toString);
    }

    @Test
    void noCommitterIsAnError() {
        edit("manager", CARBON, t -> t.replace("<AutoCommit>true</AutoCommit>", "<AutoCommit>false</AutoCommit>"));
        assertOnly(findings("deployment-synchronizer"), "manager", Severity.ERROR, "no node commits to SVN");
    }
}
