package io.github.wso2cluster.archive;

import io.github.wso2cluster.tree.BufferedReadChannel;
import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.config.EntryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A WSO2 distribution zip, checked: a readable zip with safe entry names, one top folder, and a configuration
 * directory under it ({@code repository/conf}, else {@code conf}, or the one the POM names) that holds
 * {@code axis2/axis2.xml}. Opening reads only the central directory.
 */
public final class Distribution {
    private final Path file;
    private final String topFolder;
    private final int entryCount;
    private final Product product;

    private Distribution(Path file, String topFolder, int entryCount, Product product) {
        this.file = file;
        this.topFolder = topFolder;
        this.entryCount = entryCount;
        this.product = product;
    }

    /** Fails, saying where to look, unless {@code file} is a regular file. */
    public static void requireFile(Path file) throws ArchiveException {
        if (!Files.isRegularFile(file)) {
            throw new ArchiveException("The distribution " + file + " does not exist or is not a file; check"
                    + " <distributionFile> or the zip dependency");
        }
    }

    public static Distribution open(Path file) throws ArchiveException {
        return open(file, null);
    }

    /**
     * @param confDirectory the configuration directory the POM chose (relative to the top folder), or null to
     *                      detect it
     */
    public static Distribution open(Path file, String confDirectory) throws ArchiveException {
        requireFile(file);
        if (confDirectory != null) {
            // As a user property may spell it: blank is unset, a trailing slash or backslashes are the same folder.
            confDirectory = confDirectory.isBlank() ? null : confDirectory.trim().replace('\\', '/').replaceAll("/+$", "");
        }
        try (ZipFile zip = openZip(file)) {
            String top = null;
            int count = 0;
            Set<String> names = new HashSet<>();
            EntryNames.Guard guard = new EntryNames.Guard();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                String problem = guard.check(name, entry.isDirectory(), entry.isUnixSymlink());
                if (problem != null) {
                    throw new ArchiveException("The distribution " + file + " has an unsafe entry '" + name + "': it "
                            + problem + "; refusing to use it (take the zip from a trusted source)");
                }
                int slash = name.indexOf('/');
                String first = slash < 0 ? name : name.substring(0, slash);
                if (slash < 0 || (top != null && !top.equals(first))) {
                    throw new ArchiveException("The distribution " + file + " has no single top folder ('"
                            + (top == null ? first : top) + "/' and '" + name + "'); a WSO2 zip holds one folder"
                            + " such as wso2as-5.2.1/");
                }
                top = first;
                count++;
                names.add(name.substring(first.length() + 1));
            }
            if (top == null) {
                throw new ArchiveException("The distribution " + file + " is an empty zip");
            }
            ConfigPaths paths = configPaths(file, top, names, confDirectory);
            return new Distribution(file, top, count, Product.recognise(top, paths, path -> names.contains(path)
                    || names.contains(path + "/") || names.stream().anyMatch(n -> n.startsWith(path + "/"))));
        } catch (IOException e) {
            throw new ArchiveException("The distribution " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The configuration directory: the POM's choice, else {@code repository/conf}, else {@code conf}. */
    private static ConfigPaths configPaths(Path file, String top, Set<String> names, String confDirectory)
            throws ArchiveException {
        ConfigPaths paths;
        if (confDirectory != null) {
            paths = new ConfigPaths(confDirectory);
        } else {
            paths = ConfigPaths.detect(folder -> names.stream().anyMatch(n -> n.startsWith(folder + "/")))
                    .orElseThrow(() -> new ArchiveException("The distribution " + file + " has no configuration"
                            + " directory: neither " + top + "/" + ConfigPaths.REPOSITORY_CONF + "/ nor " + top + "/"
                            + ConfigPaths.CONF + "/; it does not look like a WSO2 Carbon 4.x product zip (for another"
                            + " folder set <confDirectory>)"));
        }
        // A Carbon 4.x product has axis2.xml; a kernel 4.5+ product renders it from deployment.toml at start.
        if (!names.contains(paths.axis2()) && !names.contains(paths.deploymentToml())) {
            throw new ArchiveException("The distribution " + file + " has no " + top + "/" + paths.axis2()
                    + (confDirectory != null ? "; check <confDirectory> " + confDirectory + " (relative to " + top
                    + "/, e.g. wso2/business-process/conf)" : " nor " + top + "/" + paths.deploymentToml()
                    + "; it does not look like a WSO2 Carbon 4.x product zip"));
        }
        return paths;
    }

    /**
     * The product a distribution is, for validating the POM against it before anything else; empty when the file is
     * not there yet or cannot be opened (that error is reported when the nodes are built).
     */
    public static Optional<Product> recognise(Path file, String confDirectory) {
        try {
            return file == null || !Files.isRegularFile(file) ? Optional.empty()
                    : Optional.of(open(file, confDirectory).product());
        } catch (ArchiveException e) {
            return Optional.empty();
        }
    }

    /** Opens a zip with one clear message when it is not one (or is cut short). */
    static ZipFile openZip(Path file) throws ArchiveException {
        try {
            // Local file headers are read lazily, when an entry's data is: opening a 6,000-entry zip then costs
            // one read of the central directory instead of 6,000 seeks.
            return BufferedReadChannel.openZip(file);
        } catch (IOException e) {
            throw new ArchiveException(file + " is not a readable zip file (truncated or corrupt?): " + e.getMessage()
                    + "; download it again", e);
        }
    }

    public ZipFile openZip() throws ArchiveException {
        return openZip(file);
    }

    public Path file() {
        return file;
    }

    /** The single top folder, without its slash, for example {@code wso2as-5.2.1}. */
    public String topFolder() {
        return topFolder;
    }

    /** Where this distribution keeps axis2.xml, carbon.xml and catalina-server.xml. */
    public ConfigPaths configPaths() {
        return product.paths();
    }

    /** The product, recognised from the distribution's own files. */
    public Product product() {
        return product;
    }

    public int entryCount() {
        return entryCount;
    }

    /** Reads some files (relative to the top folder) into memory: for the few small config files only. */
    public Map<String, byte[]> read(Iterable<String> paths) throws ArchiveException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = openZip()) {
            for (String path : paths) {
                ZipArchiveEntry entry = zip.getEntry(topFolder + "/" + path);
                if (entry != null && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        contents.put(path, ConfigFiles.read(in, entry.getSize(), topFolder + "/" + path));
                    }
                }
            }
        } catch (IOException e) {
            throw new ArchiveException("The distribution " + file + " cannot be read: " + e.getMessage(), e);
        }
        return contents;
    }

    public Optional<byte[]> read(String path) throws ArchiveException {
        return Optional.ofNullable(read(List.of(path)).get(path));
    }
}
