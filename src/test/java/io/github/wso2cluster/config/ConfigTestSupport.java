package io.github.wso2cluster.config;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.filter.Filters;
import org.jdom2.xpath.XPathFactory;

/** Runs {@link NodeConfigurer} over a set of files and reads the results back with XPath. */
final class ConfigTestSupport {
    private ConfigTestSupport() {
    }

    static Cluster cluster(ClusterInput input) throws Exception {
        return new TopologyValidator(CredentialSource.NONE).validate(input);
    }

    static Cluster reference() throws Exception {
        return cluster(Fixtures.referenceCluster());
    }

    /** The three config files of a folder laid out like a distribution (absent ones are absent). */
    static Map<String, byte[]> filesOf(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String path : List.of(ConfigFiles.AXIS2, ConfigFiles.CARBON, ConfigFiles.CATALINA,
                "repository/conf/datasources/master-datasources.xml")) {
            if (Files.isRegularFile(root.resolve(path))) {
                files.put(path, Files.readAllBytes(root.resolve(path)));
            }
        }
        return files;
    }

    static NodeConfiguration configure(Cluster cluster, String nodeId, Map<String, byte[]> files) throws Exception {
        return new NodeConfigurer().configure(cluster, cluster.node(nodeId).orElseThrow(),
                path -> Optional.ofNullable(files.get(path)));
    }

    static Document parse(byte[] bytes) throws Exception {
        XmlSource source = XmlSource.parse("test.xml", bytes);
        return SafeXml.withoutDefaultNamespace(SafeXml.parse("test.xml", source.text()));
    }

    static List<Element> select(byte[] bytes, String xpath) throws Exception {
        return XPathFactory.instance().compile(xpath, Filters.element()).evaluate(parse(bytes));
    }

    static String text(byte[] bytes, String xpath) throws Exception {
        List<Element> found = select(bytes, xpath);
        if (found.size() != 1) {
            throw new AssertionError(xpath + " matched " + found.size() + " elements");
        }
        return found.get(0).getTextTrim();
    }

    static String attribute(byte[] bytes, String xpath, String name) throws Exception {
        List<Element> found = select(bytes, xpath);
        if (found.size() != 1) {
            throw new AssertionError(xpath + " matched " + found.size() + " elements");
        }
        return found.get(0).getAttributeValue(name);
    }
}
