package io.github.wso2cluster.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * Builds test zips: a folder under a top folder (Unix modes from the file system), plus any entry a test
 * needs, hostile ones included. Used by unit tests and, through the test class path, by the invoker
 * scripts in src/it.
 */
public final class ZipBuilder {
    /** A fixed time, so fixtures are the same bytes on every run. */
    public static final long FIXED_TIME = 1_600_000_000_000L;

    private record Item(byte[] content, int mode, boolean directory, boolean stored) {
    }

    private final Map<String, Item> entries = new LinkedHashMap<>();
    private final List<String[]> duplicates = new ArrayList<>();

    public static ZipBuilder create() {
        return new ZipBuilder();
    }

    /** Every file under {@code folder}, as {@code top/relative/path}, in sorted order; executables get 0755. */
    public ZipBuilder folder(Path folder, String top) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted().toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                String name = relative.isEmpty() ? top + "/" : top + "/" + relative;
                if (Files.isDirectory(path)) {
                    entries.put(name.endsWith("/") ? name : name + "/", new Item(new byte[0], 0755, true, false));
                } else {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                    int mode = perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
                    entries.put(name, new Item(Files.readAllBytes(path), mode, false, false));
                }
            }
        }
        return this;
    }

    public ZipBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public ZipBuilder file(String name, byte[] content, int mode) {
        entries.put(name, new Item(content, mode, false, false));
        return this;
    }

    /** Replaces (or adds) an entry with {@code size} spaces: compresses to almost nothing, inflates to all of it. */
    public ZipBuilder spaces(String name, int size) {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) ' ');
        return file(name, content, 0644);
    }

    /** A symbolic-link entry pointing at {@code target} (a hostile distribution's). */
    public ZipBuilder symlink(String name, String target) {
        return file(name, target.getBytes(StandardCharsets.UTF_8), UnixStat.LINK_FLAG | 0777);
    }

    /** An entry stored without compression (already-compressed jars often are). */
    public ZipBuilder stored(String name, byte[] content) {
        entries.put(name, new Item(content, 0644, false, true));
        return this;
    }

    public ZipBuilder remove(String name) {
        entries.remove(name);
        return this;
    }

    public byte[] content(String name) {
        return entries.get(name).content();
    }

    /** Rewrites a text entry with a transformation (CRLF line endings, a broken value, ...). */
    public ZipBuilder edit(String name, UnaryOperator<String> change) {
        Item item = entries.get(name);
        String text = new String(item.content(), StandardCharsets.ISO_8859_1);
        entries.put(name, new Item(change.apply(text).getBytes(StandardCharsets.ISO_8859_1), item.mode(), false, false));
        return this;
    }

    /** A second entry with a name already used, written after all others. */
    public ZipBuilder duplicate(String name, String content) {
        duplicates.add(new String[] {name, content});
        return this;
    }

    public Path write(Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, Item> entry : entries.entrySet()) {
                Item item = entry.getValue();
                put(out, entry.getKey(), item.content(), item.mode(), item.directory(), item.stored());
            }
            for (String[] duplicate : duplicates) {
                put(out, duplicate[0], duplicate[1].getBytes(StandardCharsets.UTF_8), 0644, false, false);
            }
        }
        return zip;
    }

    private static void put(ZipArchiveOutputStream out, String name, byte[] content, int mode, boolean directory,
                            boolean stored) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(FIXED_TIME);
        entry.setUnixMode((directory ? UnixStat.DIR_FLAG : UnixStat.FILE_FLAG) | mode);
        if (stored && !directory) {
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
        }
        out.putArchiveEntry(entry);
        if (!directory) {
            out.write(content);
        }
        out.closeArchiveEntry();
    }

    /** The sample distribution in src/example, the tree most tests start from. */
    public static Path sampleDistribution() {
        Path here = Path.of("src/example/distribution/src/main/dist/wso2as-5.2.1");
        if (!Files.isDirectory(here)) {
            throw new IllegalStateException("run from the project folder: " + here.toAbsolutePath() + " is missing");
        }
        return here;
    }

    public static ZipBuilder sample() throws IOException {
        return create().folder(sampleDistribution(), "wso2as-5.2.1");
    }
}
