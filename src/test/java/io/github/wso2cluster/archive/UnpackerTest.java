package io.github.wso2cluster.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.ZipBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {
    @TempDir
    Path tmp;

    private Unpacker.Result unpack(Path zip, Path target) throws Exception {
        Distribution distribution = Distribution.open(zip);
        return new Unpacker().unpack(distribution, Digests.sha256(zip), target);
    }

    @Test
    void keepsModesAndTimes() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("as.zip"));
        Unpacker.Result result = unpack(zip, tmp.resolve("dist"));
        Path script = result.tree().resolve("bin/wso2server.sh");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(script);
        assertTrue(perms.contains(PosixFilePermission.OWNER_EXECUTE) && perms.contains(PosixFilePermission.OTHERS_EXECUTE), perms::toString);
        assertFalse(Files.getPosixFilePermissions(result.tree().resolve("README.txt")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertEquals(ZipBuilder.FIXED_TIME / 2000, Files.getLastModifiedTime(script).toMillis() / 2000);
        assertEquals(tmp.resolve("dist/wso2as-5.2.1"), result.tree());
    }

    @Test
    void sameBytesAgainDoNothing() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("as.zip"));
        unpack(zip, tmp.resolve("dist"));
        Path marker = tmp.resolve("dist/wso2as-5.2.1/README.txt");
        Files.writeString(marker, "touched by the user");
        Unpacker.Result again = unpack(zip, tmp.resolve("dist"));
        assertTrue(again.upToDate());
        assertEquals("touched by the user", Files.readString(marker), "an up-to-date tree is not rewritten");
    }

    @Test
    void changedBytesReplaceTheWholeTree() throws Exception {
        Path first = ZipBuilder.sample().file("wso2as-5.2.1/old-only.txt", "stale").write(tmp.resolve("a.zip"));
        unpack(first, tmp.resolve("dist"));
        assertTrue(Files.exists(tmp.resolve("dist/wso2as-5.2.1/old-only.txt")));
        Path second = ZipBuilder.sample().file("wso2as-5.2.1/new-only.txt", "fresh").write(tmp.resolve("b.zip"));
        Unpacker.Result result = unpack(second, tmp.resolve("dist"));
        assertFalse(result.upToDate());
        assertFalse(Files.exists(tmp.resolve("dist/wso2as-5.2.1/old-only.txt")), "no stale file");
        assertTrue(Files.exists(tmp.resolve("dist/wso2as-5.2.1/new-only.txt")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(Set.of("a.zip", "b.zip", "dist"),
                    Set.copyOf(siblings.map(p -> p.getFileName().toString()).toList()), "no staging folder left");
        }
    }

    @Test
    void aSlipEntryIsRefusedBeforeAnythingIsWrittenOutside() throws Exception {
        Path zip = ZipBuilder.sample().file("wso2as-5.2.1/../../escaped.txt", "evil").write(tmp.resolve("evil.zip"));
        Path target = tmp.resolve("work/dist");
        // Distribution.open refuses it; the unpacker refuses it again should it be handed such a zip.
        assertThrows(ArchiveException.class, () -> unpack(zip, target));
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        assertFalse(Files.exists(tmp.resolve("work/escaped.txt")));
        assertFalse(Files.exists(target));
    }

    @Test
    void symlinkEntriesAreNeverFollowedOutOfTheTree() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("plain.zip"));
        Path withLink = tmp.resolve("link.zip");
        // A symlink entry whose target is /etc/passwd, then a file written "through" it.
        try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get();
             var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(withLink)) {
            in.copyRawEntries(out, e -> true);
            var link = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("wso2as-5.2.1/lib/passwd");
            link.setUnixMode(org.apache.commons.compress.archivers.zip.UnixStat.LINK_FLAG | 0777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        Unpacker.Result result = unpack(withLink, tmp.resolve("dist"));
        Path unpacked = result.tree().resolve("lib/passwd");
        assertFalse(Files.isSymbolicLink(unpacked), "a link entry is not recreated as a link");
        assertEquals("/etc/passwd", Files.readString(unpacked), "its target is kept as text only");
    }

    @Test
    void duplicateEntriesKeepTheFirst() throws Exception {
        Path zip = ZipBuilder.sample().duplicate("wso2as-5.2.1/README.txt", "second copy").write(tmp.resolve("dup.zip"));
        Unpacker.Result result = unpack(zip, tmp.resolve("dist"));
        assertTrue(Files.readString(result.tree().resolve("README.txt")).startsWith("Sample distribution"));
    }
}
