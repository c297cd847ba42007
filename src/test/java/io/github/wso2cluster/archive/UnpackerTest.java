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
            assertEquals(Set.of("a.zip", "b.zip", "dist", "dist.lock"),
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

    /**
     * What a killed unpack leaves (a staging tree, or the replaced tree it had not deleted yet) goes with the next
     * build, however fresh, also when that build finds the tree up to date; never while another build holds the
     * lock (issue 26: a kill followed by an up-to-date build kept the staging tree for good).
     */
    @Test
    void treesAKilledUnpackLeftAreRemovedByTheNextBuildUnlessAnotherIsRunning() throws Exception {
        Path zip = ZipBuilder.sample().write(tmp.resolve("as.zip"));
        Path target = tmp.resolve("work/distribution");
        unpack(zip, target);
        Path killed = Files.createDirectories(tmp.resolve("work/distribution.tmp-1234/wso2as-5.2.1/lib"));
        Files.write(killed.resolve("half.jar"), new byte[1000]);
        Path replaced = Files.createDirectories(tmp.resolve("work/distribution.old-5678/wso2as-5.2.1"));
        Path unrelated = Files.createDirectories(tmp.resolve("work/other.tmp-1"));

        // Another build unpacking there right now: its staging tree is not abandoned.
        try (io.github.wso2cluster.output.BuildLock other = io.github.wso2cluster.output.BuildLock.join(
                tmp.resolve("work/distribution.lock"))) {
            assertTrue(new Unpacker().upToDate(Digests.sha256(zip), target).isPresent());
            assertTrue(Files.exists(killed) && Files.exists(replaced), "left alone while another build holds the lock");
        }
        assertTrue(new Unpacker().upToDate(Digests.sha256(zip), target).isPresent(), "the tree is up to date");
        assertFalse(Files.exists(killed.getParent().getParent()), "the killed build's staging tree is gone");
        assertFalse(Files.exists(replaced.getParent()), "the replaced tree is gone");
        assertTrue(Files.exists(unrelated), "only the target's own leftovers go");

        Files.createDirectories(tmp.resolve("work/distribution.tmp-9999"));
        Unpacker.Result again = unpack(zip, target);
        assertTrue(again.upToDate());
        assertFalse(Files.exists(tmp.resolve("work/distribution.tmp-9999")), "unpack itself cleans up too");
    }
}
