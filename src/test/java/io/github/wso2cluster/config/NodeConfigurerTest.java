package io.github.wso2cluster.config;

import static io.github.wso2cluster.config.ConfigTestSupport.attribute;
import static io.github.wso2cluster.config.ConfigTestSupport.configure;
import static io.github.wso2cluster.config.ConfigTestSupport.filesOf;
import static io.github.wso2cluster.config.ConfigTestSupport.reference;
import static io.github.wso2cluster.config.ConfigTestSupport.select;
import static io.github.wso2cluster.config.ConfigTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;

class NodeConfigurerTest {
    private final Map<String, byte[]> sample = filesOf(ZipBuilder.sampleDistribution());

    NodeConfigurerTest() throws Exception {
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void axis2GetsWkaClusteringWithTheMemberListAndOnlyThoseLinesChange() throws Exception {
        NodeConfiguration worker = configure(reference(), "worker1", sample);
        byte[] axis2 = worker.replaced().get(ConfigFiles.AXIS2);
        assertEquals("true", attribute(axis2, "/axisconfig/clustering", "enable"));
        assertEquals("wka", text(axis2, "/axisconfig/clustering/parameter[@name='membershipScheme']"));
        assertEquals("wso2.as.domain", text(axis2, "/axisconfig/clustering/parameter[@name='domain']"));
        assertEquals("10.0.0.3", text(axis2, "/axisconfig/clustering/parameter[@name='localMemberHost']"));
        assertEquals("4200", text(axis2, "/axisconfig/clustering/parameter[@name='localMemberPort']"));
        assertEquals("worker", attribute(axis2,
                "/axisconfig/clustering/parameter[@name='properties']/property[@name='subDomain']", "value"));
        assertEquals(1, select(axis2, "/axisconfig/clustering/members").size());
        List<Element> members = select(axis2, "/axisconfig/clustering/members/member");
        assertEquals(List.of("10.0.0.2:4100", "10.0.0.3:4200"), members.stream()
                .map(m -> m.getChildTextTrim("hostName") + ":" + m.getChildTextTrim("port")).toList());

        LineDiff diff = LineDiff.of(latin1(sample.get(ConfigFiles.AXIS2)), latin1(axis2));
        assertEquals(List.of(
                "                enable=\"false\">\n",
                "        <parameter name=\"membershipScheme\">multicast</parameter>\n",
                "        <parameter name=\"domain\">wso2.carbon.domain</parameter>\n",
                "        <parameter name=\"localMemberHost\">127.0.0.1</parameter>\n",
                "        <parameter name=\"localMemberPort\">4000</parameter>\n",
                "                <hostName>127.0.0.1</hostName>\n",
                "                <port>4000</port>\n"), diff.removed(), diff::removedText);
        assertTrue(diff.addedText().contains("                <hostName>10.0.0.2</hostName>\n"), diff::addedText);
        assertTrue(latin1(axis2).contains("<!--<property name=\"subDomain\" value=\"mgt\"/>-->"),
                "the commented-out look-alike stays a comment");
        assertTrue(latin1(axis2).contains("           For example:\n        <members>\n            <member>\n"
                + "                <hostName>10.0.0.1</hostName>"), "the commented <members> example is untouched");
    }

    @Test
    void managerGetsSubDomainMgtAndTheManagementHostName() throws Exception {
        NodeConfiguration manager = configure(reference(), "manager", sample);
        byte[] axis2 = manager.replaced().get(ConfigFiles.AXIS2);
        assertEquals("mgt", attribute(axis2,
                "/axisconfig/clustering/parameter[@name='properties']/property[@name='subDomain']", "value"));
        byte[] carbon = manager.replaced().get(ConfigFiles.CARBON);
        assertEquals("as.wso2.com", text(carbon, "/Server/HostName"));
        assertEquals("mgt.as.wso2.com", text(carbon, "/Server/MgtHostName"));
        String text = latin1(carbon);
        assertTrue(text.contains("    <!--HostName>www.wso2.org</HostName-->\n    <HostName>as.wso2.com</HostName>\n"), text);
        assertTrue(text.contains("    <!--MgtHostName>mgt.wso2.org</MgtHostName-->\n    <MgtHostName>mgt.as.wso2.com</MgtHostName>\n"));
        LineDiff diff = LineDiff.of(latin1(sample.get(ConfigFiles.CARBON)), text);
        assertEquals(List.of(), diff.removed(), "carbon.xml only gains lines");
        assertEquals(2, diff.added().size());
    }

    @Test
    void workerGetsNoManagementHostName() throws Exception {
        byte[] carbon = configure(reference(), "worker2", sample).replaced().get(ConfigFiles.CARBON);
        assertEquals(0, select(carbon, "/Server/MgtHostName").size());
        assertEquals("as.wso2.com", text(carbon, "/Server/HostName"));
    }

    @Test
    void carbonXmlStaysIso88591ByteForByte() throws Exception {
        byte[] original = sample.get(ConfigFiles.CARBON);
        byte[] carbon = configure(reference(), "worker2", sample).replaced().get(ConfigFiles.CARBON);
        int copyright = indexOf(original, (byte) 0xA9);
        assertTrue(copyright > 0, "the fixture has a one-byte copyright sign");
        assertEquals((byte) 0xA9, carbon[indexOf(carbon, (byte) 0xA9)]);
        assertArrayEquals(Arrays.copyOf(original, copyright + 1), Arrays.copyOf(carbon, copyright + 1));
    }

    @Test
    void portOffsetAndDeploymentSynchronizerByRole() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(2).setPortOffset("2");
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setSvnUser("svn-bot");
        input.deploymentSynchronizer.setSvnPassword("pa<ss&word");
        input.deploymentSynchronizer.setAppendTenantId("false");
        Cluster cluster = ConfigTestSupport.cluster(input);
        NodeConfiguration manager = configure(cluster, "manager", sample);
        NodeConfiguration worker = configure(cluster, "worker2", sample);
        byte[] mgrCarbon = manager.replaced().get(ConfigFiles.CARBON);
        byte[] wrkCarbon = worker.replaced().get(ConfigFiles.CARBON);
        assertEquals("true", text(mgrCarbon, "/Server/DeploymentSynchronizer/Enabled"));
        assertEquals("true", text(mgrCarbon, "/Server/DeploymentSynchronizer/AutoCommit"));
        assertEquals("false", text(wrkCarbon, "/Server/DeploymentSynchronizer/AutoCommit"));
        assertEquals("true", text(wrkCarbon, "/Server/DeploymentSynchronizer/AutoCheckout"));
        assertEquals("https://svn.example.com/repos/as", text(wrkCarbon, "/Server/DeploymentSynchronizer/SvnUrl"));
        assertEquals("svn-bot", text(wrkCarbon, "/Server/DeploymentSynchronizer/SvnUser"));
        assertEquals("pa<ss&word", text(wrkCarbon, "/Server/DeploymentSynchronizer/SvnPassword"));
        assertEquals("false", text(wrkCarbon, "/Server/DeploymentSynchronizer/SvnUrlAppendTenantId"));
        assertEquals("2", text(wrkCarbon, "/Server/Ports/Offset"));
        assertEquals("0", text(mgrCarbon, "/Server/Ports/Offset"));
        assertTrue(latin1(wrkCarbon).contains("<!--<DeploymentSynchronizer>\n        <Enabled>true</Enabled>\n"
                + "        <AutoCommit>false</AutoCommit>"), "the commented second block is untouched");
        assertFalse(String.join("\n", worker.changes()).contains("pa<ss&word"), "no secret in the change log");
        assertEquals(new CatalinaServer.WebPorts(9765, 9445), worker.ports());
    }

    @Test
    void proxyPortsGoOnTheRightConnectorsAsNewLines() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "443");
        byte[] catalina = configure(ConfigTestSupport.cluster(input), "worker1", sample).replaced().get(ConfigFiles.CATALINA);
        assertEquals("80", attribute(catalina, "/Server/Service/Connector[@port='9763']", "proxyPort"));
        assertEquals("443", attribute(catalina, "/Server/Service/Connector[@port='9443']", "proxyPort"));
        LineDiff diff = LineDiff.of(latin1(sample.get(ConfigFiles.CATALINA)), latin1(catalina));
        assertEquals(List.of(), diff.removed());
        assertEquals(List.of("                proxyPort=\"80\"\n", "                proxyPort=\"443\"\n"), diff.added());
    }

    @Test
    void nodePropertiesAndHostsAreAdded() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.get(1).setPortOffset("1");
        input.hostsEntries = List.of("10.0.0.20   carbondb.mysql-wso2.com");
        NodeConfiguration worker = configure(ConfigTestSupport.cluster(input), "worker1", sample);
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(worker.added().get("cluster/node.properties")));
        assertEquals("worker1", properties.getProperty("id"));
        assertEquals("worker", properties.getProperty("role"));
        assertEquals("wso2.as.domain", properties.getProperty("domain"));
        assertEquals("10.0.0.3", properties.getProperty("localMemberHost"));
        assertEquals("4200", properties.getProperty("localMemberPort"));
        assertEquals("1", properties.getProperty("portOffset"));
        assertEquals("9764", properties.getProperty("httpPort"));
        assertEquals("9444", properties.getProperty("httpsPort"));
        assertEquals("10.0.0.20 carbondb.mysql-wso2.com\n", new String(worker.added().get("cluster/hosts"), StandardCharsets.UTF_8));
    }

    @Test
    void untouchedFilesAreNotReplaced() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.hostName = null;
        input.mgtHostName = null;
        NodeConfiguration worker = configure(ConfigTestSupport.cluster(input), "worker1", sample);
        assertEquals(List.of(ConfigFiles.AXIS2), List.copyOf(worker.replaced().keySet()),
                "carbon.xml (offset 0, no host names) and catalina-server.xml (no proxy ports) keep the distribution's bytes");
    }

    @Test
    void xmlEditsApplyAfterTheSettingsWithUnprefixedNamesInTheDefaultNamespace() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.xmlEdits = List.of(new XmlEditInput("repository/conf/carbon.xml", "/Server/Ports/JMX/RMIRegistryPort", null, "10999"),
                new XmlEditInput("repository/conf/carbon.xml", "/Server/HostName", null, "edited.example.com"),
                new XmlEditInput("repository/conf/tomcat/catalina-server.xml", "/Server/Service/Connector[@port='9443']",
                        "keystorePass", "changed"),
                new XmlEditInput("repository/conf/datasources/master-datasources.xml",
                        "/datasources-configuration/datasources/datasource/definition/configuration/username", null, "as"));
        input.nodes.get(0).setXmlEdits(List.of(new XmlEditInput("repository/conf/axis2/axis2.xml",
                "/axisconfig/clustering/parameter[@name='mcastTTL']", null, "7")));
        Cluster cluster = ConfigTestSupport.cluster(input);
        NodeConfiguration manager = configure(cluster, "manager", sample);
        NodeConfiguration worker = configure(cluster, "worker1", sample);
        assertEquals("10999", text(manager.replaced().get(ConfigFiles.CARBON), "/Server/Ports/JMX/RMIRegistryPort"));
        assertEquals("edited.example.com", text(manager.replaced().get(ConfigFiles.CARBON), "/Server/HostName"));
        assertEquals("changed", attribute(manager.replaced().get(ConfigFiles.CATALINA),
                "/Server/Service/Connector[@port='9443']", "keystorePass"));
        assertEquals("as", text(manager.replaced().get("repository/conf/datasources/master-datasources.xml"),
                "//username"));
        assertEquals("7", text(manager.replaced().get(ConfigFiles.AXIS2), "//parameter[@name='mcastTTL']"));
        assertEquals("100", text(worker.replaced().get(ConfigFiles.AXIS2), "//parameter[@name='mcastTTL']"),
                "a node's xmlEdits are its own");
    }

    @Test
    void anXmlEditThatMatchesNothingNamesFileAndXpath() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.xmlEdits = List.of(new XmlEditInput("repository/conf/carbon.xml", "/Server/NoSuchThing", null, "1"));
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> configure(ConfigTestSupport.cluster(input), "manager", sample));
        assertEquals("repository/conf/carbon.xml: xmlEdit xpath '/Server/NoSuchThing' matches nothing; check the"
                + " element names against the file", e.getMessage());
    }

    @Test
    void anXmlEditOnAMissingFileIsAnError() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.xmlEdits = List.of(new XmlEditInput("repository/conf/nope.xml", "/a", null, "1"));
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> configure(ConfigTestSupport.cluster(input), "manager", sample));
        assertTrue(e.getMessage().startsWith("repository/conf/nope.xml: the file does not exist"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aSecondManagerOnlyChecksOut() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.nodes.add(Fixtures.node("manager2", "manager", "10.0.0.5", "4100"));
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        Cluster cluster = ConfigTestSupport.cluster(input);
        assertEquals("manager", cluster.committer().id());
        assertEquals("true", text(configure(cluster, "manager", sample).replaced().get(ConfigFiles.CARBON),
                "/Server/DeploymentSynchronizer/AutoCommit"));
        assertEquals("false", text(configure(cluster, "manager2", sample).replaced().get(ConfigFiles.CARBON),
                "/Server/DeploymentSynchronizer/AutoCommit"), "two committers conflict in SVN");
    }

    @Test
    void aSynchronizerShippedEnabledFollowsTheOneCommitterRuleWithAWarning() throws Exception {
        Map<String, byte[]> shipped = new HashMap<>(sample);
        String carbon = latin1(sample.get(ConfigFiles.CARBON));
        int block = carbon.indexOf("\n    <DeploymentSynchronizer>"); // the active block, before the commented one
        String active = carbon.substring(0, block) + carbon.substring(block).replaceFirst("<Enabled>false</Enabled>",
                "<Enabled>true</Enabled>").replaceFirst("<AutoCommit>false</AutoCommit>", "<AutoCommit>true</AutoCommit>");
        assertFalse(active.equals(carbon), "the sample's active synchronizer was switched on");
        shipped.put(ConfigFiles.CARBON, active.getBytes(StandardCharsets.ISO_8859_1));
        Cluster cluster = reference(); // no <deploymentSynchronizer> in the POM
        NodeConfiguration manager = configure(cluster, "manager", shipped);
        NodeConfiguration worker = configure(cluster, "worker1", shipped);
        assertEquals("true", text(manager.replaced().get(ConfigFiles.CARBON), "/Server/DeploymentSynchronizer/AutoCommit"));
        assertEquals("false", text(worker.replaced().get(ConfigFiles.CARBON), "/Server/DeploymentSynchronizer/AutoCommit"));
        assertEquals(1, worker.warnings().size(), worker.warnings()::toString);
        assertTrue(worker.warnings().get(0).matches("repository/conf/carbon\\.xml:\\d+: the distribution ships the deployment"
                + " synchronizer enabled; AutoCommit set to false \\(only 'manager', the first manager, commits;.*"),
                worker.warnings().get(0));
        assertEquals(List.of(), configure(cluster, "worker1", sample).warnings(), "a disabled synchronizer is left alone");
    }

    @Test
    void nodePropertiesEscapeLineBreaksSoNoJunkKeyAppears() throws Exception {
        // Validation refuses such a domain (TopologyValidatorTest); the file escapes it all the same.
        Cluster valid = ConfigTestSupport.cluster(Fixtures.referenceCluster());
        Cluster cluster = new Cluster("wso2.as.domain\ninjected=yes", valid.membershipScheme(), valid.wellKnownMembers(),
                valid.proxyPorts(), valid.deploymentSynchronizer(), valid.hostsEntries(), valid.nodes(), valid.xmlEdits(),
                valid.confDirectory(), valid.databases(), valid.loadBalancer(), valid.tomlEdits());
        NodeConfiguration manager = configure(cluster, "manager", sample);
        Properties properties = new Properties();
        properties.load(new StringReader(new String(manager.added().get("cluster/node.properties"),
                StandardCharsets.ISO_8859_1)));
        assertEquals("wso2.as.domain\ninjected=yes", properties.getProperty("domain"));
        assertEquals(null, properties.getProperty("injected"));
    }

    @Test
    void aUtf16ConfigFileIsNamedForWhatItIs() {
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><axisconfig/>".getBytes(StandardCharsets.UTF_16);
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> XmlSource.parse("conf/axis2.xml", utf16));
        assertTrue(e.getMessage().startsWith("conf/axis2.xml: the file is UTF-16 or UTF-32 encoded"), e.getMessage());
        byte[] latin1 = "<axisconfig>caf\u00e9</axisconfig>".getBytes(StandardCharsets.ISO_8859_1);
        ConfigFileException undeclared = assertThrows(ConfigFileException.class, () -> XmlSource.parse("a.xml", latin1));
        assertTrue(undeclared.getMessage().contains("not valid UTF-8 (the file declares no encoding"), undeclared.getMessage());
    }
}
