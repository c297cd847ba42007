package io.github.wso2cluster.config;

import static io.github.wso2cluster.config.ConfigTestSupport.attribute;
import static io.github.wso2cluster.config.ConfigTestSupport.configure;
import static io.github.wso2cluster.config.ConfigTestSupport.select;
import static io.github.wso2cluster.config.ConfigTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real stock WSO2 files (../shared/reference/wso2-conf, every set that has the file): each setting
 * lands, and every line no setting touches keeps its bytes. Skipped, saying so, when the folder is absent.
 */
class ReferenceFilesTest {

    private static Cluster fullCluster() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setSvnUser("svn-bot");
        input.deploymentSynchronizer.setSvnPassword("pw");
        input.nodes.get(2).setPortOffset("3");
        return ConfigTestSupport.cluster(input);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Map<String, byte[]> only(Path set, String file) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put(file, Files.readAllBytes(set.resolve(file)));
        return files;
    }

    @Test
    void axis2OfEveryProduct() throws Exception {
        List<Path> sets = Fixtures.referenceSets(ConfigFiles.AXIS2);
        assertTrue(sets.size() >= 4, "expected the kernel, ESB, BAM and APIM axis2.xml files, found " + sets);
        Cluster cluster = fullCluster();
        for (Path set : sets) {
            for (String nodeId : List.of("manager", "worker2")) {
                byte[] original = Files.readAllBytes(set.resolve(ConfigFiles.AXIS2));
                Map<String, byte[]> files = only(set, ConfigFiles.AXIS2);
                files.put(ConfigFiles.CARBON, carbonStub());
                files.put(ConfigFiles.CATALINA, catalinaStub());
                byte[] axis2 = configure(cluster, nodeId, files).replaced().get(ConfigFiles.AXIS2);
                String where = set.getFileName() + " " + nodeId;
                assertEquals("true", attribute(axis2, "/axisconfig/clustering", "enable"), where);
                assertEquals("wka", text(axis2, "/axisconfig/clustering/parameter[@name='membershipScheme']"), where);
                assertEquals("wso2.as.domain", text(axis2, "/axisconfig/clustering/parameter[@name='domain']"), where);
                assertEquals(nodeId.equals("manager") ? "mgt" : "worker", attribute(axis2,
                        "/axisconfig/clustering/parameter[@name='properties']/property[@name='subDomain']", "value"), where);
                assertEquals(1, select(axis2, "/axisconfig/clustering/members").size(), where);
                assertEquals(2, select(axis2, "/axisconfig/clustering/members/member").size(), where);

                LineDiff diff = LineDiff.of(latin1(original), latin1(axis2));
                for (String removed : diff.removed()) {
                    assertTrue(removed.matches("(?s)\\s*(enable=\"false\">|<parameter name=\"(membershipScheme|domain"
                            + "|localMemberHost|localMemberPort)\">.*|<property name=\"subDomain\" value=\"worker\"/>"
                            + "|<hostName>127.0.0.1</hostName>|<port>4000</port>)\\s*"), where + ": unexpected change of " + removed);
                }
                boolean crlf = latin1(original).contains("\r\n");
                for (String added : diff.added()) {
                    assertEquals(crlf, added.endsWith("\r\n"), where + ": added line keeps the file's line ending: " + added);
                }
            }
        }
    }

    @Test
    void carbonOfEveryProduct() throws Exception {
        List<Path> sets = Fixtures.referenceSets(ConfigFiles.CARBON);
        assertTrue(sets.size() >= 3, "expected several carbon.xml files, found " + sets);
        Cluster cluster = fullCluster();
        for (Path set : sets) {
            for (String nodeId : List.of("manager", "worker2")) {
                byte[] original = Files.readAllBytes(set.resolve(ConfigFiles.CARBON));
                Map<String, byte[]> files = only(set, ConfigFiles.CARBON);
                files.put(ConfigFiles.AXIS2, axis2Stub());
                files.put(ConfigFiles.CATALINA, catalinaStub());
                byte[] carbon = configure(cluster, nodeId, files).replaced().get(ConfigFiles.CARBON);
                String where = set.getFileName() + " " + nodeId;
                boolean manager = nodeId.equals("manager");
                assertEquals("as.wso2.com", text(carbon, "/Server/HostName"), where);
                assertEquals(manager ? 1 : 0, select(carbon, "/Server/MgtHostName").size(), where);
                assertEquals(manager ? "0" : "3", text(carbon, "/Server/Ports/Offset"), where);
                assertEquals("true", text(carbon, "/Server/DeploymentSynchronizer/Enabled"), where);
                assertEquals(String.valueOf(manager), text(carbon, "/Server/DeploymentSynchronizer/AutoCommit"), where);
                assertEquals("https://svn.example.com/repos/as", text(carbon, "/Server/DeploymentSynchronizer/SvnUrl"), where);

                LineDiff diff = LineDiff.of(latin1(original), latin1(carbon));
                for (String removed : diff.removed()) {
                    assertTrue(removed.matches("\\s*<(Offset|Enabled|AutoCommit|SvnUrl|SvnUser|SvnPassword)>.*\\s*"),
                            where + ": unexpected change of " + removed);
                }
                assertTrue(latin1(carbon).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), where);
            }
        }
    }

    @Test
    void catalinaOfEveryProduct() throws Exception {
        List<Path> sets = Fixtures.referenceSets(ConfigFiles.CATALINA);
        assertTrue(sets.size() >= 4, "expected several catalina-server.xml files, found " + sets);
        Cluster cluster = fullCluster();
        for (Path set : sets) {
            byte[] original = Files.readAllBytes(set.resolve(ConfigFiles.CATALINA));
            Map<String, byte[]> files = only(set, ConfigFiles.CATALINA);
            files.put(ConfigFiles.AXIS2, axis2Stub());
            files.put(ConfigFiles.CARBON, carbonStub());
            NodeConfiguration worker = configure(cluster, "worker2", files);
            byte[] catalina = worker.replaced().get(ConfigFiles.CATALINA);
            String where = set.getFileName().toString();
            assertEquals("80", attribute(catalina, "/Server/Service/Connector[@port='9763']", "proxyPort"), where);
            assertEquals("443", attribute(catalina, "/Server/Service/Connector[@port='9443']", "proxyPort"), where);
            LineDiff diff = LineDiff.of(latin1(original), latin1(catalina));
            assertEquals(List.of(), diff.removed(), where);
            assertEquals(2, diff.added().size(), where);
            assertEquals(new CatalinaServer.WebPorts(9766, 9446), worker.ports(), where);
        }
    }

    private static byte[] axis2Stub() {
        return ("<axisconfig><clustering class=\"x\" enable=\"false\"><parameter name=\"domain\">d</parameter>"
                + "<members/></clustering></axisconfig>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] catalinaStub() {
        return ("<Server><Service><Connector port=\"9763\"/><Connector port=\"9443\" SSLEnabled=\"true\"/></Service></Server>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] carbonStub() {
        return "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"><Ports><Offset>0</Offset></Ports></Server>"
                .getBytes(StandardCharsets.UTF_8);
    }
}
