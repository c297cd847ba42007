package io.github.wso2cluster.tree;

import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.config.EntryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A WSO2 tree in a zip: only its central directory is read, and the entries asked for. */
final class ZipTree implements WsoTree {
    private final Path file;
    private final ZipFile zip;
    private final List<ZipArchiveEntry> entries;
    /** Every entry's name and every folder it implies ({@code a/}, {@code a/b/}). */
    private final Set<String> names;
    private final String top;
    private final String prefix;

    private ZipTree(Path file, ZipFile zip, List<ZipArchiveEntry> entries, Set<String> names, String top) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
        this.names = names;
        this.top = top;
        this.prefix = top.isEmpty() ? "" : top + "/";
    }

    /** Refuses a zip whose entry names are unsafe (see {@link EntryNames.Guard}), naming the entry. */
    static ZipTree open(Path file, String confDirectory) throws IOException {
        ZipFile zip = BufferedReadChannel.openZip(file);
        try {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            EntryNames.Guard guard = new EntryNames.Guard();
            Set<String> names = new HashSet<>();
            Set<String> firstLevel = new LinkedHashSet<>();
            for (ZipArchiveEntry entry : entries) {
                String problem = guard.check(entry.getName(), entry.isDirectory(), entry.isUnixSymlink());
                if (problem != null) {
                    throw new IOException("entry '" + entry.getName() + "' " + problem);
                }
                String name = entry.getName();
                names.add(name);
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    names.add(name.substring(0, slash + 1));
                }
                if (name.indexOf('/') > 0) {
                    firstLevel.add(name.substring(0, name.indexOf('/')));
                }
            }
            // A zip that holds one folder is that folder's tree, whatever it lacks (its files are then reported missing).
            String top = TopFolder.find(firstLevel, p -> names.contains(p) || names.contains(p + "/"), confDirectory)
                    .orElse(firstLevel.size() == 1 ? firstLevel.iterator().next() : "");
            return new ZipTree(file, zip, entries, names, top);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    @Override
    public String topFolder() {
        return top;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public boolean exists(String path) {
        return names.contains(prefix + path) || names.contains(prefix + path + "/");
    }

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        for (ZipArchiveEntry entry : entries) {
            if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                files.add(entry.getName().substring(prefix.length()));
            }
        }
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(prefix + path);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(ConfigFiles.read(in, entry.getSize(), prefix + path));
        }
    }

    @Override
    public void copy(String path, Path target) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(prefix + path);
        if (entry == null || entry.isDirectory()) {
            throw new IOException(file + " has no file " + prefix + path);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
