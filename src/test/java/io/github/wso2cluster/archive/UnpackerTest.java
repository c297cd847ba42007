package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.Digests;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;

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
    void symlinkEntriesAreRefused() throws Exception {
        Path withLink = ZipBuilder.sample().symlink("wso2as-5.2.1/lib/passwd", "/etc/passwd").write(tmp.resolve("link.zip"));
        // Refused by every goal alike (configure-cluster would otherwise copy the link into node zips).
        ArchiveException e = assertThrows(ArchiveException.class, () -> unpack(withLink, tmp.resolve("dist")));
        assertTrue(e.getMessage().contains("'wso2as-5.2.1/lib/passwd': it is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("dist")));
    }

    @Test
    void duplicateEntriesKeepTheFirst() throws Exception {
        Path zip = ZipBuilder.sample().duplicate("wso2as-5.2.1/README.txt", "second copy").write(tmp.resolve("dup.zip"));
        Unpacker.Result result = unpack(zip, tmp.resolve("dist"));
        assertTrue(Files.readString(result.tree().resolve("README.txt")).startsWith("Sample distribution"));
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeStopsThere() throws Exception {
        byte[] content = new byte[100_000];
        Path zip = ZipBuilder.sample().file("wso2as-5.2.1/lib/big.bin", content, 0644).write(tmp.resolve("big.zip"));
        byte[] bytes = Files.readAllBytes(zip);
        // Lower the size the central directory declares for that entry from 100000 to 100.
        String name = "wso2as-5.2.1/lib/big.bin";
        for (int i = 0; i + 46 < bytes.length; i++) {
            boolean header = bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            int nameLength = header ? (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8 : 0;
            if (header && new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8).equals(name)) {
                bytes[i + 24] = 100;
                bytes[i + 25] = 0;
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
            }
        }
        Path crafted = Files.write(tmp.resolve("crafted.zip"), bytes);
        ArchiveException e = assertThrows(ArchiveException.class, () -> unpack(crafted, tmp.resolve("dist")));
        assertTrue(e.getMessage().contains("inflates to more than the 100 bytes it declares"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("dist")));
    }

    @Test
    void treesAKilledUnpackLeftAreRemovedOnceAbandoned() throws Exception {
        Path target = tmp.resolve("work/distribution");
        Path abandoned = Files.createDirectories(tmp.resolve("work/distribution.tmp-1234/wso2as-5.2.1"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.fromMillis(
                System.currentTimeMillis() - Unpacker.ABANDONED.toMillis() - 60_000));
        Path busy = Files.createDirectories(tmp.resolve("work/distribution.tmp-5678"));
        unpack(ZipBuilder.sample().write(tmp.resolve("as.zip")), target);
        assertFalse(Files.exists(abandoned.getParent()), "an abandoned staging tree is deleted");
        assertTrue(Files.exists(busy), "a staging tree another build is filling is left alone");
    }
}
