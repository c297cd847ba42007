package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.config.EntryNames;
import io.github.wso2cluster.config.NodeProperties;
import io.github.wso2cluster.config.ConfigPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import io.github.wso2cluster.archive.BufferedReadChannel;
import org.apache.commons.compress.archivers.zip.ZipFile;

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
        if (Files.isDirectory(node)) {
            return fromFolder(name, node, topOf(node, confDirectory), confDirectory);
        }
        if (!Files.isRegularFile(node)) {
            throw new IOException(node + " does not exist; give node zips or unpacked node folders");
        }
        return fromZip(name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name, node, confDirectory);
    }

    /** A node that could not be read at all: its reports say why, in its {@code config-files} case. */
    public static NodeFacts unreadable(Path node, String reason) {
        String name = node.getFileName() == null ? node.toString() : node.getFileName().toString();
        return NodeFacts.unreadable(name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name,
                node.toString(), reason);
    }

    private static boolean isTop(Path folder, String confDirectory) {
        return Files.isDirectory(folder.resolve(ConfigPaths.REPOSITORY_CONF)) || Files.isDirectory(folder.resolve(ConfigPaths.CONF))
                || (confDirectory != null && Files.isDirectory(folder.resolve(confDirectory)));
    }

    private static Path topOf(Path folder, String confDirectory) throws IOException {
        if (isTop(folder, confDirectory)) {
            return folder;
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> tops = children.filter(c -> Files.isDirectory(c) && isTop(c, confDirectory)).toList();
            if (tops.size() == 1) {
                return tops.get(0);
            }
        }
        throw new IOException(folder + " is not an unpacked WSO2 node: it has no repository/conf or conf, nor one"
                + " folder that has it");
    }

    private static NodeFacts fromFolder(String name, Path folder, Path top, String confDirectory) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        readFolderFile(top, NODE_PROPERTIES, contents);
        readFolderFile(top, HOSTS, contents);
        ConfigPaths paths = paths(confDirectory, contents, f -> Files.isDirectory(top.resolve(f)));
        for (String path : configFiles(paths)) {
            readFolderFile(top, path, contents);
        }
        readFolderFile(top, paths.deploymentToml(), contents);
        if (contents.containsKey(paths.deploymentToml()) && Files.isDirectory(top.resolve(paths.resources()))) {
            try (Stream<Path> rules = Files.walk(top.resolve(paths.resources()))) {
                for (Path rule : rules.filter(Files::isRegularFile).toList()) {
                    String relative = top.relativize(rule).toString().replace('\\', '/');
                    if (isRule(relative, paths)) {
                        readFolderFile(top, relative, contents);
                    }
                }
            }
        }
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> dirs = Files.find(top, 3, (p, a) -> a.isDirectory()
                && top.relativize(p).toString().replace('\\', '/').matches("(?:.*/)?components/plugins"))) {
            for (Path plugins : dirs.toList()) {
                try (Stream<Path> files = Files.list(plugins)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("hazelcast_") && n.endsWith(".jar"))
                            .forEach(bundles::add);
                }
            }
        }
        return snapshot(name, folder.toString(), paths, contents, bundles);
    }

    private static void readFolderFile(Path top, String path, Map<String, byte[]> contents) throws IOException {
        Path file = top.resolve(path);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                contents.put(path, ConfigFiles.read(in, Files.size(file), file.toString()));
            }
        }
    }

    private static NodeFacts fromZip(String name, Path zipFile, String confDirectory) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = BufferedReadChannel.openZip(zipFile)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            EntryNames.Guard guard = new EntryNames.Guard();
            for (ZipArchiveEntry entry : entries) {
                String problem = guard.check(entry.getName(), entry.isDirectory(), entry.isUnixSymlink());
                if (problem != null) {
                    throw new IOException("entry '" + entry.getName() + "' " + problem);
                }
            }
            List<String> names = entries.stream().map(ZipArchiveEntry::getName).toList();
            String top = topFolder(names);
            Set<String> relative = new LinkedHashSet<>();
            List<String> bundles = new ArrayList<>();
            for (String entry : names) {
                if (entry.startsWith(top)) {
                    String path = entry.substring(top.length());
                    relative.add(path);
                    var bundle = BUNDLE_PATH.matcher(path);
                    if (bundle.matches()) {
                        bundles.add(bundle.group(1));
                    }
                }
            }
            readZipFile(zip, top, NODE_PROPERTIES, contents);
            readZipFile(zip, top, HOSTS, contents);
            ConfigPaths paths = paths(confDirectory, contents,
                    folder -> relative.stream().anyMatch(p -> p.startsWith(folder + "/")));
            for (String path : configFiles(paths)) {
                readZipFile(zip, top, path, contents);
            }
            readZipFile(zip, top, paths.deploymentToml(), contents);
            if (contents.containsKey(paths.deploymentToml())) {
                for (String path : relative) {
                    if (isRule(path, paths)) {
                        readZipFile(zip, top, path, contents);
                    }
                }
            }
            return snapshot(name, zipFile.toString(), paths, contents, bundles);
        } catch (IOException e) {
            throw new IOException(zipFile + " is not a readable zip file (truncated or corrupt?): " + e.getMessage(), e);
        }
    }

    private static void readZipFile(ZipFile zip, String top, String path, Map<String, byte[]> contents) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(top + path);
        if (entry != null && !entry.isDirectory()) {
            try (InputStream in = zip.getInputStream(entry)) {
                contents.put(path, ConfigFiles.read(in, entry.getSize(), top + path));
            }
        }
    }

    /**
     * The top folder of a node zip with its slash ({@code wso2as-5.2.1/}), or none when the node's files stand
     * at the zip's root.
     */
    private static String topFolder(List<String> names) {
        for (String name : names) {
            if (name.startsWith(ConfigPaths.REPOSITORY_CONF + "/") || name.startsWith(ConfigPaths.CONF + "/")
                    || name.startsWith("cluster/")) {
                return "";
            }
        }
        String first = names.isEmpty() ? "" : names.get(0);
        return first.contains("/") ? first.substring(0, first.indexOf('/') + 1) : "";
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

    private static NodeFacts snapshot(String name, String source, ConfigPaths paths, Map<String, byte[]> contents,
                                      List<String> bundles) {
        byte[] properties = contents.remove(NODE_PROPERTIES);
        return NodeFacts.of(new NodeSnapshot(name, source, paths, contents, properties,
                bundles.stream().sorted().distinct().toList()));
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
     * the JDBC driver) into {@code into}, for the live database check. Only that folder's {@code *.jar} entries
     * are read.
     *
     * @return the copied jars (none when the node has no library folder)
     */
    public static List<Path> copyLibraries(NodeFacts node, Path into) throws IOException {
        Path source = Path.of(node.source());
        String folder = node.paths().libraries() + "/";
        Files.createDirectories(into);
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(source)) {
            Path lib = topOf(source, node.paths().conf()).resolve(folder);
            if (Files.isDirectory(lib)) {
                try (Stream<Path> files = Files.list(lib)) {
                    for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(Files.copy(jar, into.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING));
                    }
                }
            }
            return jars;
        }
        try (ZipFile zip = BufferedReadChannel.openZip(source)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            String top = topFolder(entries.stream().map(ZipArchiveEntry::getName).toList());
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(top + folder) && name.endsWith(".jar")
                        && name.indexOf('/', (top + folder).length()) < 0) {
                    Path jar = into.resolve(name.substring((top + folder).length()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                    }
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

    /** Every config file verify-cluster reads: the {@link #requiredFiles} and the database wiring's, when present. */
    static List<String> configFiles(ConfigPaths paths) {
        return List.of(paths.axis2(), paths.carbon(), paths.catalina(), paths.datasources(), paths.registry(),
                paths.userManagement());
    }

    /** The files every Carbon node has; the database wiring's are optional (a product may lack user-mgt.xml). */
    static List<String> requiredFiles(ConfigPaths paths) {
        return List.of(paths.axis2(), paths.carbon(), paths.catalina());
    }
}
