package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import static io.github.wso2cluster.testkit.Fixtures.node;
import static io.github.wso2cluster.testkit.Fixtures.referenceCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyValidatorTest {
    private final TopologyValidator validator = new TopologyValidator(CredentialSource.NONE);

    private List<String> problems(ClusterInput input) {
        return assertThrows(InvalidTopologyException.class, () -> validator.validate(input)).problems();
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "no problem contains '" + expected
                + "' in " + problems);
    }

    @Test
    void referenceClusterGetsTheContractDefaults() throws Exception {
        Cluster cluster = validator.validate(referenceCluster());
        assertEquals("wka", cluster.membershipScheme());
        Node manager = cluster.node("manager").orElseThrow();
        Node worker2 = cluster.node("worker2").orElseThrow();
        assertEquals(Role.MANAGER, manager.role());
        assertEquals("mgt", manager.subDomain());
        assertEquals("worker", worker2.subDomain());
        assertEquals("as.wso2.com", worker2.hostName());
        assertEquals("mgt.as.wso2.com", manager.mgtHostName());
        assertNull(worker2.mgtHostName(), "MgtHostName is for managers only");
        assertEquals(0, worker2.portOffset());
        assertEquals(List.of(MemberAddress.of("10.0.0.2", 4100), MemberAddress.of("10.0.0.3", 4200)),
                cluster.wellKnownMembers(), "the nodes marked wellKnown");
    }

    @Test
    void withoutMarkedNodesEveryManagerIsWellKnownAndPortDefaultsTo4000() throws Exception {
        ClusterInput input = referenceCluster();
        input.nodes.forEach(n -> n.setWellKnown(null));
        input.nodes.get(0).setLocalMemberPort(null);
        Cluster cluster = validator.validate(input);
        assertEquals(List.of(MemberAddress.of("10.0.0.2", 4000)), cluster.wellKnownMembers());
    }

    @Test
    void explicitMembersWinOverDerivedOnes() throws Exception {
        ClusterInput input = referenceCluster();
        input.wellKnownMembers = List.of("10.0.0.2:4100", "10.0.0.3-10:4200");
        Cluster cluster = validator.validate(input);
        assertEquals("[10.0.0.2:4100, 10.0.0.3-10:4200]", cluster.wellKnownMembers().toString());
    }

    @Test
    void reportsEveryProblemAtOnceNamingItsElement() {
        ClusterInput input = new ClusterInput();
        input.membershipScheme = "multicast";
        input.wellKnownMembers = List.of("10.0.0.2", "10.0.0.2:4100");
        NodeInput noId = node(null, "worker", "10.0.0.5", "4000");
        NodeInput badId = node("Worker_1", "worker", "10.0.0.6", "4000");
        NodeInput badRole = node("w2", "slave", "10.0.0.7", "70000");
        NodeInput dup = node("w2", "worker", null, null);
        input.nodes = new ArrayList<>(List.of(noId, badId, badRole, dup));
        List<String> problems = problems(input);
        assertHas(problems, "domain: is required");
        assertHas(problems, "membershipScheme: 'multicast' is not supported");
        assertHas(problems, "wellKnownMembers[0]: '10.0.0.2' is not host:port");
        assertHas(problems, "nodes[0]: id is required");
        assertHas(problems, "nodes[1] 'Worker_1': id 'Worker_1' is not a valid classifier");
        assertHas(problems, "nodes[2] 'w2': role 'slave' is unknown");
        assertHas(problems, "nodes[2] 'w2': localMemberPort 70000 is not a port (1-65535)");
        assertHas(problems, "nodes[3] 'w2': id 'w2' is already used by nodes[2] 'w2'");
        assertHas(problems, "nodes[3] 'w2': localMemberHost is required");
        assertHas(problems, "nodes: no node has role manager");
        assertEquals(10, problems.size(), problems::toString);
    }

    @Test
    void twoNodesOnOneMemberAddressAreRefused() {
        ClusterInput input = referenceCluster();
        input.nodes.get(2).setLocalMemberHost("10.0.0.3");
        input.nodes.get(2).setLocalMemberPort("4200");
        input.nodes.get(2).setPortOffset("1");
        assertHas(problems(input), "nodes[2] 'worker2': localMemberHost:localMemberPort 10.0.0.3:4200 is already used by nodes[1] 'worker1'");
    }

    @Test
    void coHostedNodesWithTheSameOffsetCollide() {
        ClusterInput input = referenceCluster();
        input.nodes.get(2).setLocalMemberHost("10.0.0.3");
        List<String> problems = problems(input);
        assertHas(problems, "nodes[2] 'worker2': portOffset 0 gives HTTP port 9763, which nodes[1] 'worker1' (HTTP) on the same host 10.0.0.3 also uses");
        assertHas(problems, "HTTPS port 9443");
    }

    @Test
    void anOffsetOf320MakesOneNodesHttpsPortAnothersHttpPort() {
        ClusterInput input = referenceCluster();
        input.nodes.get(2).setLocalMemberHost("10.0.0.3");
        input.nodes.get(2).setPortOffset("320");
        assertHas(problems(input), "portOffset 320 gives HTTPS port 9763, which nodes[1] 'worker1' (HTTP)");
    }

    @Test
    void coHostedNodesWithDistinctOffsetsAndPortsAreFine() throws Exception {
        ClusterInput input = referenceCluster();
        input.nodes.get(2).setLocalMemberHost("10.0.0.3");
        input.nodes.get(2).setPortOffset("1");
        assertEquals(3, validator.validate(input).nodes().size());
    }

    @Test
    void offsetsAndFlagsMustBeNumbersAndBooleans() {
        ClusterInput input = referenceCluster();
        input.nodes.get(1).setPortOffset("-1");
        input.nodes.get(2).setWellKnown("yes");
        input.nodes.get(2).setMgtHostName("mgt.example.com");
        List<String> problems = problems(input);
        assertHas(problems, "nodes[1] 'worker1': portOffset -1 is not an offset");
        assertHas(problems, "nodes[2] 'worker2': wellKnown: 'yes' is not true or false");
        assertHas(problems, "nodes[2] 'worker2': mgtHostName applies to managers only");
    }

    @Test
    void deploymentSynchronizerNeedsAnUrlAndAKnownServer() {
        ClusterInput input = referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setServerId("as-svn");
        input.deploymentSynchronizer.setAppendTenantId("maybe");
        List<String> problems = problems(input);
        assertHas(problems, "deploymentSynchronizer/svnUrl: is required");
        assertHas(problems, "deploymentSynchronizer/serverId: no <server> with id 'as-svn' in settings.xml");
        assertHas(problems, "deploymentSynchronizer/appendTenantId: 'maybe' is not true or false");
    }

    @Test
    void serverIdCredentialsComeFromTheSource() throws Exception {
        ClusterInput input = referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setServerId("as-svn");
        TopologyValidator withSettings = new TopologyValidator(
                id -> Optional.of(new Credentials("svnuser", Secret.of("s3cret-pw"))));
        DeploymentSynchronizer depSync = withSettings.validate(input).deploymentSynchronizer();
        assertEquals("svnuser", depSync.svnUser());
        assertEquals("s3cret-pw", depSync.svnPassword().reveal());
        assertTrue(depSync.appendTenantId());
        assertFalse(depSync.toString().contains("s3cret-pw"), depSync::toString);
    }

    @Test
    void proxyPortsHostsEntriesAndXmlEditsAreChecked() {
        ClusterInput input = referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "x443");
        input.hostsEntries = List.of("10.0.0.20 carbondb.mysql-wso2.com", "justonetoken");
        input.xmlEdits = List.of(new XmlEditInput(null, "/Server/Foo", null, "1"),
                new XmlEditInput("../etc/passwd", "/a", null, "1"));
        input.nodes.get(1).setXmlEdits(List.of(new XmlEditInput("repository/conf/carbon.xml", null, null, null)));
        List<String> problems = problems(input);
        assertHas(problems, "proxyPorts/https: x443 is not a port");
        assertHas(problems, "hostsEntries[1]: 'justonetoken' is not one hosts line");
        assertHas(problems, "xmlEdits[0]: file is required");
        assertHas(problems, "xmlEdits[1]: file '../etc/passwd' must be a relative path");
        assertHas(problems, "nodes[1] 'worker1' xmlEdits[0]: xpath is required");
        assertHas(problems, "nodes[1] 'worker1' xmlEdits[0]: value is required");
    }

    @Test
    void confDirectoryStaysInsideTheTopFolder() throws Exception {
        ClusterInput input = io.github.wso2cluster.testkit.Fixtures.referenceCluster();
        input.confDirectory = " wso2/business-process/conf/ ";
        assertEquals("wso2/business-process/conf", new TopologyValidator(CredentialSource.NONE).validate(input).confDirectory());
        for (String bad : List.of("../conf", "/etc", "wso2/../../x", "C:\\wso2")) {
            input.confDirectory = bad;
            InvalidTopologyException e = assertThrows(InvalidTopologyException.class,
                    () -> new TopologyValidator(CredentialSource.NONE).validate(input));
            assertTrue(e.getMessage().contains("confDirectory: '" + bad + "' is not a folder inside the distribution's top folder"),
                    e.getMessage());
        }
    }

    @Test
    void xmlEditAttributeNamesAndNodeIdLengthsAreChecked() {
        ClusterInput input = referenceCluster();
        input.xmlEdits = List.of(new XmlEditInput("repository/conf/carbon.xml", "/Server", "foo=\"1\" secure", "x"),
                new XmlEditInput("repository/conf/carbon.xml", "/Server", "xmlns", "x"),
                new XmlEditInput("repository/conf/carbon.xml", "/Server", "xsi:type", "x"));
        input.nodes.get(2).setId("w".repeat(233));
        InvalidTopologyException e = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(CredentialSource.NONE).validate(input));
        assertTrue(e.getMessage().contains("xmlEdits[0]: attribute 'foo=\"1\" secure' is not an attribute name"), e.getMessage());
        assertTrue(e.getMessage().contains("xmlEdits[1]: attribute 'xmlns' is not an attribute name"), e.getMessage());
        assertFalse(e.getMessage().contains("xmlEdits[2]"), e.getMessage());
        assertTrue(e.getMessage().contains("id is 233 characters long; use at most 64"), e.getMessage());
    }

    @Test
    void aPasswordThatCannotBeDecryptedIsListedWithTheOtherProblems() {
        ClusterInput input = referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/as");
        input.deploymentSynchronizer.setServerId("svn");
        input.nodes.get(1).setLocalMemberPort("70000");
        CredentialSource broken = id -> {
            throw new CredentialSource.Unavailable("settings.xml server '" + id + "': its password cannot be decrypted");
        };
        InvalidTopologyException e = assertThrows(InvalidTopologyException.class, () -> new TopologyValidator(broken).validate(input));
        assertTrue(e.getMessage().contains("deploymentSynchronizer/serverId: settings.xml server 'svn': its password cannot"
                + " be decrypted"), e.getMessage());
        assertTrue(e.getMessage().contains("localMemberPort 70000 is not a port"), e.getMessage());
    }

    @Test
    void valuesThatWouldAddADirectiveOrALineAreRefusedByName() {
        ClusterInput input = referenceCluster();
        input.domain = "wso2.as.domain\nserver { listen 81; }";
        input.hostName = "as.wso2.com; listen 8081";
        input.mgtHostName = "mgt.as.wso2.com}";
        input.wellKnownMembers = List.of("10.0.0.2 :4100", "10.0.0.3\n:4200");
        input.nodes.get(0).setMgtHostName("\"mgt\"");
        input.nodes.get(1).setHostName("w1 .as.wso2.com");
        input.nodes.get(1).setLocalMemberHost("10.0.0.3;server 6.6.6.6");
        input.nodes.get(2).setHostName("w2{.as");
        input.nodes.get(2).setLocalMemberHost("10.0.0.4 extra");
        List<String> problems = problems(input);
        assertHas(problems, "domain: 'wso2.as.domain\\nserver { listen 81; }' has a line break or another control character");
        assertHas(problems, "hostName: 'as.wso2.com; listen 8081' is not a host name (RFC 1123");
        assertHas(problems, "mgtHostName: 'mgt.as.wso2.com}' is not a host name");
        assertHas(problems, "wellKnownMembers[0]: '10.0.0.2 :4100': '10.0.0.2 ' is not a host name or IP address");
        assertHas(problems, "wellKnownMembers[1]: '10.0.0.3\\n:4200'");
        assertHas(problems, "nodes[0] 'manager': mgtHostName: '\"mgt\"' is not a host name");
        assertHas(problems, "nodes[1] 'worker1': hostName: 'w1 .as.wso2.com' is not a host name");
        assertHas(problems, "nodes[1] 'worker1': localMemberHost '10.0.0.3;server 6.6.6.6' is not a host name");
        assertHas(problems, "nodes[2] 'worker2': hostName: 'w2{.as' is not a host name");
        assertHas(problems, "nodes[2] 'worker2': localMemberHost '10.0.0.4 extra' is not a host name");
        assertEquals(10, problems.size(), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.contains("\n")), "every problem on one line: " + problems);
    }

    @Test
    void ipv6LiteralsWorkWhereTheyAreLegal() throws Exception {
        ClusterInput input = referenceCluster();
        input.hostName = "[fd00::1]";
        input.wellKnownMembers = List.of("[fd00::2]:4100", "10.0.0.3:4200");
        input.nodes.get(0).setLocalMemberHost("fd00::2");
        input.nodes.get(1).setLocalMemberHost("FD00::3");
        Cluster cluster = validator.validate(input);
        assertEquals("fd00::2", cluster.nodes().get(0).localMemberHost());
        assertEquals("[[fd00::2]:4100, 10.0.0.3:4200]", cluster.wellKnownMembers().toString());
        assertEquals("fd00::2", cluster.wellKnownMembers().get(0).host());

        ClusterInput wrong = referenceCluster();
        wrong.hostName = "fd00::1";
        wrong.nodes.get(0).setLocalMemberHost("[fd00::2]");
        wrong.nodes.get(1).setLocalMemberHost("10.0.0.300");
        List<String> problems = problems(wrong);
        assertHas(problems, "hostName: 'fd00::1' is an IPv6 address: write it in brackets, [fd00::1], as it stands in a URL");
        assertHas(problems, "nodes[0] 'manager': localMemberHost '[fd00::2]': write the IPv6 address without brackets, fd00::2");
        assertHas(problems, "nodes[1] 'worker1': localMemberHost '10.0.0.300' is not a host name");
        assertEquals(3, problems.size(), problems::toString);
    }
}
