package io.github.wso2cluster.verify;

import io.github.wso2cluster.config.ConfigFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads the few files verify-cluster needs from a node zip (those entries only, never the whole zip) or
 * from an unpacked node folder (the top folder itself, or a folder holding exactly one top folder).
 */
public final class NodeFiles {
    static final String NODE_PROPERTIES = "cluster/node.properties";
    /** Where a Carbon kernel keeps its Hazelcast bundle ({@code hazelcast_3.0.1.wso2v1.jar}). */
    static final String PLUGINS = "repository/components/plugins/";
    /** A pseudo entry: the file names of the node's Hazelcast bundles, one a line. */
    static final String HAZELCAST_BUNDLES = "#hazelcast-bundles";
    static final List<String> CONFIG_FILES = List.of(ConfigFiles.AXIS2, ConfigFiles.CARBON, ConfigFiles.CATALINA);

    private NodeFiles() {
    }

    public static NodeFacts read(Path node) throws IOException {
        String name = node.getFileName().toString();
        if (Files.isDirectory(node)) {
            return NodeFacts.of(name, node.toString(), fromFolder(topOf(node)));
        }
        if (!Files.isRegularFile(node)) {
            throw new IOException(node + " does not exist; give node zips or unpacked node folders");
        }
        return NodeFacts.of(name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name, node.toString(),
                fromZip(node));
    }

    private static Path topOf(Path folder) throws IOException {
        if (Files.isDirectory(folder.resolve("repository/conf"))) {
            return folder;
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> tops = children.filter(c -> Files.isDirectory(c.resolve("repository/conf"))).toList();
            if (tops.size() == 1) {
                return tops.get(0);
            }
        }
        throw new IOException(folder + " is not an unpacked WSO2 node: it has no repository/conf, nor one folder"
                + " that has it");
    }

    private static Map<String, byte[]> fromFolder(Path top) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String path : wanted()) {
            Path file = top.resolve(path);
            if (Files.isRegularFile(file)) {
                contents.put(path, Files.readAllBytes(file));
            }
        }
        Path plugins = top.resolve(PLUGINS);
        if (Files.isDirectory(plugins)) {
            try (Stream<Path> files = Files.list(plugins)) {
                bundles(contents, files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
        return contents;
    }

    private static void bundles(Map<String, byte[]> contents, List<String> fileNames) {
        String found = String.join("\n", fileNames.stream()
                .filter(n -> n.startsWith("hazelcast_") && n.endsWith(".jar")).toList());
        if (!found.isEmpty()) {
            contents.put(HAZELCAST_BUNDLES, found.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Map<String, byte[]> fromZip(Path zipFile) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).setIgnoreLocalFileHeader(true).get()) {
            String top = topFolder(zip);
            List<String> plugins = new java.util.ArrayList<>();
            var entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(top + PLUGINS) && name.indexOf('/', (top + PLUGINS).length()) < 0) {
                    plugins.add(name.substring((top + PLUGINS).length()));
                }
            }
            bundles(contents, plugins);
            for (String path : wanted()) {
                ZipArchiveEntry entry = zip.getEntry(top + path);
                if (entry != null && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        contents.put(path, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException(zipFile + " is not a readable zip file (truncated or corrupt?): " + e.getMessage(), e);
        }
        return contents;
    }

    /** The prefix under which repository/conf/axis2/axis2.xml stands ({@code wso2as-5.2.1/}, or none). */
    private static String topFolder(ZipFile zip) {
        var entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.endsWith("/" + ConfigFiles.AXIS2) || name.equals(ConfigFiles.AXIS2)) {
                return name.substring(0, name.length() - ConfigFiles.AXIS2.length());
            }
        }
        String first = zip.getEntries().hasMoreElements() ? zip.getEntries().nextElement().getName() : "";
        return first.contains("/") ? first.substring(0, first.indexOf('/') + 1) : "";
    }

    private static List<String> wanted() {
        return Stream.concat(CONFIG_FILES.stream(), Stream.of(NODE_PROPERTIES)).toList();
    }
}
