package io.github.wso2cluster.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What cluster.json records of a node zip so that verify-cluster knows it is the zip configure-cluster wrote:
 * its size, and the SHA-256 of its bytes from {@code writtenFrom} to the end. Node zips are written as the
 * distribution's untouched entries, copied byte for byte, followed by what the plugin wrote itself: the edited
 * and added files and the central directory (every entry's name, place, sizes and CRC-32). The writer hashes
 * only what it writes, and verify-cluster reads only that (about 1 MB, not the whole zip).
 *
 * <p>It catches a truncated or extended zip (size), another node's zip or one from other settings (its edited
 * files and central directory differ), and any byte changed in an edited or added file or in the directory. It
 * does not catch a byte changed inside an untouched entry's data with the size kept: those bytes are the
 * distribution's (cluster.json records its SHA-256), and such a change takes a disk fault or a deliberate
 * in-place edit, not a build; the entry's CRC-32 in the checked directory still reveals it to anything that
 * unpacks it ({@code unzip -t}). A zip written with {@code writtenFrom} 0 has its whole SHA-256 recorded.
 */
public record ZipIntegrity(long size, long writtenFrom, String writtenSha256) {

    /** Why {@code zip} is not the zip this record describes, or null when it is. */
    public String problem(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long actual = channel.size();
            if (actual != size) {
                return "its size " + actual + " differs from the " + size + " bytes";
            }
            if (writtenFrom < 0 || writtenFrom > size) {
                return "cluster.json's writtenFrom " + writtenFrom + " lies outside it";
            }
            String digest = sha256(channel, writtenFrom);
            if (!digest.equalsIgnoreCase(writtenSha256)) {
                return "the SHA-256 of its bytes from " + writtenFrom + " on, " + digest + ", differs from the "
                        + writtenSha256;
            }
            return null;
        }
    }

    private static String sha256(FileChannel channel, long from) throws IOException {
        MessageDigest digest = Digests.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long position = from;
        for (int n; (n = channel.read(buffer.clear(), position)) > 0; position += n) {
            digest.update(buffer.flip());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
