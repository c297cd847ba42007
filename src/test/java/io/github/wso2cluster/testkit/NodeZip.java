package io.github.wso2cluster.testkit;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.SafeXml;
import io.github.wso2cluster.config.XmlSource;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.filter.Filters;
import org.jdom2.xpath.XPathFactory;
import java.util.Arrays;

/** Reads a node zip for assertions (used by the invoker scripts in src/it). */
public final class NodeZip implements Closeable {
    private final ZipFile zip;
    private final String top;

    private NodeZip(ZipFile zip, String top) {
        this.zip = zip;
        this.top = top;
    }

    public static NodeZip open(File file) throws IOException {
        ZipFile zip = ZipFile.builder().setFile(file).get();
        String first = zip.getEntries().nextElement().getName();
        return new NodeZip(zip, first.substring(0, first.indexOf('/') + 1));
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            names.add(entry.getName());
        }
        return names;
    }

    /** An entry by its path under the top folder, or null. */
    public ZipArchiveEntry entry(String path) {
        return zip.getEntry(top + path);
    }

    public byte[] bytes(String path) throws IOException {
        ZipArchiveEntry entry = entry(path);
        if (entry == null) {
            throw new AssertionError("no entry " + top + path);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    public byte[] raw(String path) throws IOException {
        try (InputStream in = zip.getRawInputStream(entry(path))) {
            return in.readAllBytes();
        }
    }

    /** Text decoded as the file itself says (XML declaration), else UTF-8. */
    public String text(String path) throws IOException {
        byte[] bytes = bytes(path);
        if (path.endsWith(".xml")) {
            try {
                return XmlSource.parse(path, bytes).text();
            } catch (ConfigFileException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Properties properties(String path) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text(path)));
        return properties;
    }

    public List<Element> select(String path, String xpath) throws IOException {
        try {
            Document document = SafeXml.withoutDefaultNamespace(SafeXml.parse(path, text(path)));
            return XPathFactory.instance().compile(xpath, Filters.element()).evaluate(document);
        } catch (ConfigFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public String xpath(String path, String xpath) throws IOException {
        List<Element> found = select(path, xpath);
        if (found.size() != 1) {
            throw new AssertionError(top + path + ": " + xpath + " matched " + found.size() + " elements");
        }
        return found.get(0).getTextTrim();
    }

    public String attribute(String path, String xpath, String name) throws IOException {
        List<Element> found = select(path, xpath);
        if (found.size() != 1) {
            throw new AssertionError(top + path + ": " + xpath + " matched " + found.size() + " elements");
        }
        return found.get(0).getAttributeValue(name);
    }

    public int count(String path, String xpath) throws IOException {
        return select(path, xpath).size();
    }

    /**
     * Entries of {@code distribution} that differ in this node zip (raw bytes, CRC, method, mode, time),
     * ignoring {@code edited}: what should be empty.
     */
    public List<String> differencesFrom(File distribution, List<String> edited) throws IOException {
        List<String> differences = new ArrayList<>();
        try (NodeZip source = open(distribution)) {
            for (ZipArchiveEntry original : Collections.list(source.zip.getEntries())) {
                String path = original.getName().substring(source.top.length());
                if (edited.contains(path)) {
                    continue;
                }
                ZipArchiveEntry copy = zip.getEntry(original.getName());
                if (copy == null) {
                    differences.add(path + ": missing");
                } else if (copy.getCrc() != original.getCrc() || copy.getUnixMode() != original.getUnixMode()
                        || copy.getMethod() != original.getMethod() || copy.getTime() != original.getTime()
                        || !Arrays.equals(source.raw(path), raw(path))) {
                    differences.add(path + ": differs");
                }
            }
        }
        return differences;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
