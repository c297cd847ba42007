package io.github.wso2cluster.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.testkit.ZipBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two node writers: copying byte ranges (the normal one) and streaming through commons-compress (the fallback). */
class NodeWritersTest {
    private static final String TOP = "wso2as-5.2.1/";
    private static final EntryTimes TIMES = new EntryTimes(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    /** A node that edits carbon.xml, replaces README.txt and bin/wso2server.sh by overlay files and adds two files. */
    private NodeArchive node(String id) throws Exception {
        Path overlay = Files.createDirectories(tmp.resolve("overlay-" + id + "/bin"));
        Files.writeString(tmp.resolve("overlay-" + id + "/README.txt"), "overlaid " + id);
        Files.writeString(overlay.resolve("wso2server.sh"), "#!/bin/sh\necho " + id + "\n");
        byte[] jar = new byte[30_000];
        new Random(3).nextBytes(jar);
        Files.createDirectories(tmp.resolve("overlay-" + id + "/lib"));
        Files.write(tmp.resolve("overlay-" + id + "/lib/driver.jar"), jar);
        Map<String, byte[]> replaced = new TreeMap<>(Map.of("repository/conf/carbon.xml",
                ("<Server>" + id + "</Server>").getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> added = new TreeMap<>(Map.of("cluster/node.properties",
                ("id=" + id + "\n").getBytes(StandardCharsets.UTF_8), "cluster/hosts", "".getBytes(StandardCharsets.UTF_8)));
        NodeConfiguration configuration = new NodeConfiguration(replaced, added, new CatalinaServer.WebPorts(9763, 9443),
                List.of(), List.of(), false);
        return new NodeArchive(id, configuration, Overlay.of(tmp.resolve("overlay-" + id)), tmp.resolve("out/" + id + ".zip"));
    }

    private Path distribution() throws Exception {
        byte[] jar = new byte[200_000];
        new Random(7).nextBytes(jar);
        return ZipBuilder.sample().stored(TOP + "repository/components/plugins/big.jar", jar)
                .duplicate(TOP + "README.txt", "second README").write(tmp.resolve("dist.zip"));
    }

    @Test
    void untouchedEntriesAreTheDistributionsBytesAndOnlyTheWrittenTailIsHashed() throws Exception {
        Path zip = distribution();
        Distribution distribution = Distribution.open(zip);
        NodeAssembler assembler = new NodeAssembler(2);
        List<AssembledNode> nodes = assembler.assemble(distribution, List.of(node("a"), node("b")), TIMES);
        assertNull(assembler.streamingReason());
        byte[] source = Files.readAllBytes(zip);
        for (AssembledNode node : nodes) {
            byte[] written = Files.readAllBytes(node.zip());
            assertEquals(written.length, node.integrity().size());
            assertEquals(Digests.sha256(Arrays.copyOfRange(written, (int) node.integrity().writtenFrom(), written.length)),
                    node.integrity().writtenSha256());
            assertNull(node.integrity().problem(node.zip()));
            try (ZipFile in = ZipFile.builder().setPath(zip).get(); ZipFile out = ZipFile.builder().setPath(node.zip()).get()) {
                int copied = 0;
                for (ZipArchiveEntry entry : Collections.list(out.getEntries())) {
                    ZipArchiveEntry original = in.getEntry(entry.getName());
                    if (entry.getLocalHeaderOffset() < node.integrity().writtenFrom()) {
                        long length = original.getDataOffset() + original.getCompressedSize() - original.getLocalHeaderOffset();
                        assertArrayEquals(Arrays.copyOfRange(source, (int) original.getLocalHeaderOffset(),
                                (int) (original.getLocalHeaderOffset() + length)), Arrays.copyOfRange(written,
                                (int) entry.getLocalHeaderOffset(), (int) (entry.getLocalHeaderOffset() + length)), entry.getName());
                        copied++;
                    }
                }
                assertEquals(Collections.list(in.getEntries()).size() - 4, copied, "all but the duplicate and the three replaced");
            }
        }
    }

    @Test
    void copyingAndStreamingWriteTheSameEntries() throws Exception {
        Distribution distribution = Distribution.open(distribution());
        AssembledNode copied = new NodeAssembler(1).assemble(distribution, List.of(node("a")), TIMES).get(0);
        Path copy = Files.move(copied.zip(), tmp.resolve("copied.zip"));
        NodeAssembler streaming = new NodeAssembler(1, false);
        AssembledNode streamed = streaming.assemble(distribution, List.of(node("a")), TIMES).get(0);
        assertEquals("copying ranges is off", streaming.streamingReason());
        assertEquals(0, streamed.integrity().writtenFrom(), "a streamed zip records its whole SHA-256");
        assertEquals(Digests.sha256(streamed.zip()), streamed.integrity().writtenSha256());
        assertEquals(describe(streamed.zip(), true), describe(copy, true));
        String entries = describe(copy, false);
        assertTrue(entries.contains(TOP + "README.txt 100644 deflated overlaid a\n"), entries);
        assertTrue(entries.contains(TOP + "bin/wso2server.sh 100755 deflated #!/bin/sh\necho a\n"), entries);
        assertTrue(entries.contains(TOP + "lib/driver.jar 100644 stored "), entries);
        assertTrue(entries.contains(TOP + "cluster/node.properties 100644 deflated id=a\n"), entries);
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(copy.toFile())) {
            assertEquals(Collections.list(jdk.entries()).size(), entries.split("\n" + TOP).length);
        }
    }

    @Test
    void moreThan65535EntriesGetAZip64End() throws Exception {
        Path zip = tmp.resolve("many.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (String name : List.of("repository/conf/axis2/axis2.xml", "repository/conf/carbon.xml")) {
                out.putArchiveEntry(new ZipArchiveEntry(TOP + name));
                out.write("<x/>".getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
            for (int i = 0; i < 70_000; i++) {
                ZipArchiveEntry entry = new ZipArchiveEntry(TOP + "lib/f" + i);
                entry.setUnixMode(UnixStat.FILE_FLAG | 0644);
                out.putArchiveEntry(entry);
                out.write(i);
                out.closeArchiveEntry();
            }
        }
        NodeAssembler assembler = new NodeAssembler(1);
        AssembledNode node = assembler.assemble(Distribution.open(zip), List.of(node("a")), TIMES).get(0);
        assertNull(assembler.streamingReason());
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(node.zip().toFile());
             ZipFile commons = ZipFile.builder().setPath(node.zip()).get()) {
            assertEquals(70_000 + 2 + 5, jdk.size());
            assertEquals(70_000 + 2 + 5, Collections.list(commons.getEntries()).size());
            try (InputStream in = jdk.getInputStream(jdk.getEntry(TOP + "lib/f69999"))) {
                assertArrayEquals(new byte[] {(byte) 69_999}, in.readAllBytes());
            }
        }
    }

    /** Every entry, in the central directory's order: name, mode, method, (time) and content. */
    private static String describe(Path zip, boolean times) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    text.append(entry.getName()).append(' ').append(Integer.toOctalString(entry.getUnixMode())).append(' ')
                            .append(entry.getMethod() == ZipArchiveEntry.STORED ? "stored " : "deflated ")
                            .append(times ? entry.getTime() + " " : "")
                            .append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
