package io.github.wso2cluster.config;

import static io.github.wso2cluster.config.ConfigTestSupport.attribute;
import static io.github.wso2cluster.config.ConfigTestSupport.configure;
import static io.github.wso2cluster.config.ConfigTestSupport.select;
import static io.github.wso2cluster.config.ConfigTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.testkit.ZipBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Fixtures of our own with the traps the real files have, and some they could have. */
class XmlEditingTrapsTest {

    private static Map<String, byte[]> sampleWith(String file, byte[] content) throws Exception {
        Map<String, byte[]> files = ConfigTestSupport.filesOf(ZipBuilder.sampleDistribution());
        files.put(file, content);
        return files;
    }

    private static byte[] sampleAxis2(UnaryOperator<String> change) throws Exception {
        String text = Files.readString(ZipBuilder.sampleDistribution().resolve(ConfigFiles.AXIS2));
        return change.apply(text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void crlfFilesStayCrlfEvenInNewLines() throws Exception {
        byte[] crlf = sampleAxis2(t -> t.replace("\n", "\r\n"));
        byte[] out = configure(ConfigTestSupport.reference(), "manager", sampleWith(ConfigFiles.AXIS2, crlf))
                .replaced().get(ConfigFiles.AXIS2);
        String text = new String(out, StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "a bare LF crept in");
        assertEquals(text.split("\r\n", -1).length, new String(crlf, StandardCharsets.UTF_8).split("\r\n", -1).length
                + 4, "the member list grew by one member (4 lines)");
    }

    @Test
    void tabIndentedFilesGetTabIndentedMembers() throws Exception {
        byte[] tabs = sampleAxis2(t -> t.replace("    ", "\t"));
        byte[] out = configure(ConfigTestSupport.reference(), "manager", sampleWith(ConfigFiles.AXIS2, tabs))
                .replaced().get(ConfigFiles.AXIS2);
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("\t\t<members>\n\t\t\t<member>\n\t\t\t\t<hostName>10.0.0.2</hostName>\n"), text);
    }

    @Test
    void twoActiveMembersBlocksBecomeOne() throws Exception {
        byte[] twice = sampleAxis2(t -> t.replace("        <!-- Group management",
                "        <members>\n            <member><hostName>10.9.9.9</hostName><port>4000</port></member>\n"
                        + "        </members>\n\n        <!-- Group management"));
        byte[] out = configure(ConfigTestSupport.reference(), "manager", sampleWith(ConfigFiles.AXIS2, twice))
                .replaced().get(ConfigFiles.AXIS2);
        assertEquals(1, select(out, "//clustering/members").size());
        assertFalse(new String(out, StandardCharsets.UTF_8).contains("10.9.9.9"));
    }

    @Test
    void missingSubDomainAndMembersAreCreated() throws Exception {
        byte[] bare = sampleAxis2(t -> t.replace("            <property name=\"subDomain\" value=\"worker\"/>\n", "")
                .replaceAll("(?s)        <members>\\s*<member>.*?</members>\n", ""));
        byte[] out = configure(ConfigTestSupport.reference(), "worker2", sampleWith(ConfigFiles.AXIS2, bare))
                .replaced().get(ConfigFiles.AXIS2);
        assertEquals("worker", attribute(out, "//parameter[@name='properties']/property[@name='subDomain']", "value"));
        assertEquals(2, select(out, "//clustering/members/member").size());
        assertTrue(new String(out, StandardCharsets.UTF_8).contains(
                "        <members>\n            <member>\n                <hostName>10.0.0.2</hostName>"));
    }

    @Test
    void selfClosingElementsAndMissingParametersAreHandled() throws Exception {
        byte[] axis2 = ("<axisconfig>\n  <clustering class=\"a\" enable=\"false\">\n    <parameter name=\"domain\"/>\n"
                + "    <members/>\n  </clustering>\n</axisconfig>\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = configure(ConfigTestSupport.reference(), "worker1", sampleWith(ConfigFiles.AXIS2, axis2))
                .replaced().get(ConfigFiles.AXIS2);
        assertEquals("wso2.as.domain", text(out, "//parameter[@name='domain']"));
        assertEquals("10.0.0.3", text(out, "//parameter[@name='localMemberHost']"));
        assertEquals("wka", text(out, "//parameter[@name='membershipScheme']"));
        assertEquals(2, select(out, "//members/member").size());
        assertTrue(new String(out, StandardCharsets.UTF_8).contains("  <clustering class=\"a\" enable=\"true\">\n"
                + "    <parameter name=\"domain\">wso2.as.domain</parameter>\n"), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void aUtf8BomIsKept() throws Exception {
        byte[] plain = sampleAxis2(t -> t);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        byte[] out = configure(ConfigTestSupport.reference(), "worker1", sampleWith(ConfigFiles.AXIS2, bom))
                .replaced().get(ConfigFiles.AXIS2);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(out, 3));
    }

    @Test
    void nonAsciiValuesSurviveInUtf8AndAreRefusedWhereTheEncodingCannotHoldThem() throws Exception {
        io.github.wso2cluster.topology.input.ClusterInput input = io.github.wso2cluster.testkit.Fixtures.referenceCluster();
        // A Cyrillic letter (host names are ASCII by validation: the SVN URL's path may hold any character).
        input.deploymentSynchronizer = new io.github.wso2cluster.topology.input.DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/\u0430s");
        input.deploymentSynchronizer.setSvnUser("svn-bot");
        ConfigFileException e = assertThrows(ConfigFileException.class, () ->
                configure(ConfigTestSupport.cluster(input), "worker1", ConfigTestSupport.filesOf(ZipBuilder.sampleDistribution())));
        assertTrue(e.getMessage().contains("repository/conf/carbon.xml") && e.getMessage().contains("ISO-8859-1"), e.getMessage());
    }

    @Test
    void aDoctypeIsRefusedAndNeverExpanded(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"><HostName>&x;</HostName><Ports><Offset>0</Offset></Ports></Server>";
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> configure(ConfigTestSupport.reference(),
                "worker1", sampleWith(ConfigFiles.CARBON, xxe.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("repository/conf/carbon.xml: line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void malformedXmlNamesFileLineAndColumn() {
        byte[] broken = "<axisconfig>\n  <clustering enable=\"false\">\n  </clustring>\n</axisconfig>\n"
                .getBytes(StandardCharsets.UTF_8);
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> configure(ConfigTestSupport.reference(),
                "worker1", sampleWith(ConfigFiles.AXIS2, broken)));
        assertTrue(e.getMessage().startsWith("repository/conf/axis2/axis2.xml: line 3, column"), e.getMessage());
    }

    @Test
    void noClusteringElementIsAClearError() {
        byte[] none = "<axisconfig>\n  <!--<clustering enable=\"true\"/>-->\n</axisconfig>\n".getBytes(StandardCharsets.UTF_8);
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> configure(ConfigTestSupport.reference(),
                "worker1", sampleWith(ConfigFiles.AXIS2, none)));
        assertTrue(e.getMessage().contains("has no active <clustering> element"), e.getMessage());
    }

    @Test
    void attributesInlineGetTheNewAttributeInline() throws Exception {
        byte[] catalina = ("<Server>\n  <Service>\n    <Connector port='9763' redirectPort='9443'/>\n"
                + "    <Connector port='9443' scheme='https'/>\n    <Connector port='8009' protocol='AJP/1.3'/>\n  </Service>\n</Server>\n")
                .getBytes(StandardCharsets.UTF_8);
        io.github.wso2cluster.topology.input.ClusterInput input = io.github.wso2cluster.testkit.Fixtures.referenceCluster();
        input.proxyPorts = new io.github.wso2cluster.topology.input.ProxyPortsInput("80", "443");
        byte[] out = configure(ConfigTestSupport.cluster(input), "worker1", sampleWith(ConfigFiles.CATALINA, catalina))
                .replaced().get(ConfigFiles.CATALINA);
        LineDiff diff = LineDiff.of(new String(catalina, StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8));
        assertEquals(List.of("    <Connector port='9763' redirectPort='9443' proxyPort='80'/>\n",
                "    <Connector port='9443' scheme='https' proxyPort='443'/>\n"), diff.added());
    }

    @Test
    void scannerIgnoresCommentsCdataAndProcessingInstructions() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<?pi data?>\n<a><!-- <b>not</b> --><![CDATA[<b>no</b>]]><b x=\"1\">t&amp;u</b></a>";
        XmlSource source = XmlSource.parse("t.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, source.root().children().size());
        assertEquals("t&u", source.textOf(source.root().children().get(0)));
        assertEquals(1, source.root().comments().size());
    }
}
