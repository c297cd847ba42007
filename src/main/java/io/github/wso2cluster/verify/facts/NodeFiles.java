package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.NodeProperties;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.settings.SettingsReader;
import io.github.wso2cluster.tree.WsoTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the few files verify-cluster needs from a node zip (those entries only, never the whole zip) or
 * from an unpacked node folder (the top folder itself, or a folder holding exactly one top folder).
 *
 * <p>The configuration directory is, in this order: the one the user names ({@code confDirectory}), the one
 * configure-cluster recorded in {@code cluster/node.properties}, {@code repository/conf}, {@code conf}.
 */
public final class NodeFiles {
    static final String NODE_PROPERTIES = NodeProperties.PATH;
    /** The hostsEntries configure-cluster ships; the live database check resolves host names through them. */
    static final String HOSTS = "cluster/hosts";
    /** A Carbon kernel's Hazelcast bundle ({@code hazelcast_3.0.1.wso2v1.jar}), anywhere under the top folder. */
    private static final Pattern BUNDLE_PATH = Pattern.compile("(?:.*/)?components/plugins/(hazelcast_[^/]*\\.jar)");

    private NodeFiles() {
    }

    public static NodeFacts read(Path node) throws IOException {
        return read(node, null);
    }

    /** @param confDirectory the configuration directory relative to the top folder, or null to find it */
    public static NodeFacts read(Path node, String confDirectory) throws IOException {
        String name = node.getFileName() == null ? node.toString() : node.getFileName().toString();
        boolean zip = !Files.isDirectory(node);
        try (WsoTree tree = WsoTree.open(node, confDirectory)) {
            return read(tree, zip && name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name, node.toString(),
                    confDirectory);
        } catch (IOException e) {
            if (zip && Files.isRegularFile(node)) {
                throw new IOException(node + " is not a readable zip file (truncated or corrupt?): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** A node that could not be read at all: its reports say why, in its {@code config-files} case. */
    public static NodeFacts unreadable(Path node, String reason) {
        String name = node.getFileName() == null ? node.toString() : node.getFileName().toString();
        return NodeFacts.unreadable(name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name,
                node.toString(), reason);
    }

    private static NodeFacts read(WsoTree tree, String name, String source, String confDirectory) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        readFile(tree, NODE_PROPERTIES, contents);
        readFile(tree, HOSTS, contents);
        ConfigPaths paths = paths(confDirectory, contents, tree::exists);
        for (String path : configFiles(paths)) {
            readFile(tree, path, contents);
        }
        readFile(tree, paths.deploymentToml(), contents);
        List<String> files = tree.files();
        for (String path : SecurityFiles.in(paths, files)) {
            readFile(tree, path, contents);
        }
        List<String> bundles = new ArrayList<>();
        for (String path : files) {
            var bundle = BUNDLE_PATH.matcher(path);
            if (bundle.matches()) {
                bundles.add(bundle.group(1));
            } else if (contents.containsKey(paths.deploymentToml()) && isRule(path, paths)) {
                readFile(tree, path, contents);
            }
        }
        Product product = Product.recognise(tree.topFolder(), paths, tree::exists);
        byte[] properties = contents.remove(NODE_PROPERTIES);
        return NodeFacts.of(new NodeSnapshot(name, source, product, contents, properties,
                bundles.stream().sorted().distinct().toList()));
    }

    private static void readFile(WsoTree tree, String path, Map<String, byte[]> contents) throws IOException {
        tree.read(path).ifPresent(bytes -> contents.put(path, bytes));
    }

    private static ConfigPaths paths(String confDirectory, Map<String, byte[]> contents, Predicate<String> hasFolder) {
        if (confDirectory != null && !confDirectory.isBlank()) {
            return new ConfigPaths(confDirectory.trim());
        }
        Optional<String> recorded = recordedConfDirectory(contents.get(NODE_PROPERTIES));
        if (recorded.isPresent()) {
            return new ConfigPaths(recorded.get());
        }
        return ConfigPaths.detect(hasFolder).orElse(ConfigPaths.STANDARD);
    }

    private static Optional<String> recordedConfDirectory(byte[] nodeProperties) {
        String value = NodeProperties.read(nodeProperties).map(p -> p.getProperty(NodeProperties.CONF_DIRECTORY)).orElse(null);
        // Only a plain relative folder: a node.properties from elsewhere must not point the reader outside the node.
        return value == null || !value.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || value.matches("(.*/)?\\.\\.?(/.*)?")
                ? Optional.empty() : Optional.of(value);
    }

    /**
     * The jars of the first node whose library folder can be read, copied into {@code into}: an unreadable node
     * already fails its config-files case, and the live database check goes on with the others' driver.
     */
    public static List<Path> copyLibraries(List<NodeFacts> nodes, Path into) throws IOException {
        for (NodeFacts node : nodes) {
            if (!node.readProblems().isEmpty() && node.readProblems().stream().anyMatch(p -> p[0] == null)) {
                continue; // the node itself could not be read
            }
            try {
                return copyLibraries(node, into);
            } catch (IOException unreadable) {
                // try the next node
            }
        }
        Files.createDirectories(into);
        return List.of();
    }

    /**
     * Copies the jars of the node's library folder ({@code repository/components/lib}, where configure-cluster puts
     * the JDBC driver) into {@code into}, for the live database check. Only that folder's {@code *.jar} files are
     * read.
     *
     * @return the copied jars (none when the node has no library folder)
     */
    public static List<Path> copyLibraries(NodeFacts node, Path into) throws IOException {
        String folder = node.paths().libraries() + "/";
        Files.createDirectories(into);
        List<Path> jars = new ArrayList<>();
        try (WsoTree tree = WsoTree.open(Path.of(node.source()), node.paths().conf())) {
            for (String path : tree.files()) {
                if (path.startsWith(folder) && path.endsWith(".jar") && path.indexOf('/', folder.length()) < 0) {
                    Path jar = into.resolve(path.substring(folder.length()));
                    tree.copy(path, jar);
                    jars.add(jar);
                }
            }
        }
        return jars;
    }

    /**
     * A file of a deployment.toml product's own rules, which the toml-keys check reads: its templates
     * ({@code templates/**}{@code /*.j2}) and its JSON rules (default, infer, key-mappings).
     */
    static boolean isRule(String path, ConfigPaths paths) {
        String resources = paths.resources() + "/";
        return path.startsWith(resources) && (path.startsWith(paths.templates() + "/") && path.endsWith(".j2")
                || path.equals(resources + "default.json") || path.equals(resources + "infer.json")
                || path.equals(resources + "key-mappings.json"));
    }

    /** Every XML config file verify-cluster reads (those a node lacks are left out). */
    static List<String> configFiles(ConfigPaths paths) {
        return SettingsReader.xmlFiles(paths);
    }
}
