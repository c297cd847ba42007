package io.github.wso2cluster.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A distribution shaped like a real WSO2 product zip, of a chosen size: mostly jars (already compressed, so
 * random bytes), some text, the sample's three config files and an executable start script. Written as a
 * stream, so generating 200 MB needs no memory to speak of.
 */
public final class SyntheticDistribution {
    static final String TOP = "wso2as-bench/";

    private SyntheticDistribution() {
    }

    public static Path write(Path zip, Path sampleTree, long targetBytes, int entries) throws IOException {
        Files.createDirectories(zip.getParent());
        Random random = new Random(42);
        int textEntries = Math.max(1, entries / 10);
        int jarEntries = Math.max(1, entries - textEntries - 4);
        long textBytes = Math.min(targetBytes / 20, (long) textEntries * 20_000);
        int textSize = (int) Math.max(200, textBytes / textEntries);
        int jarSize = (int) Math.max(1, (targetBytes - textBytes) / jarEntries);
        try (OutputStream file = Files.newOutputStream(zip);
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (String config : new String[] {"repository/conf/axis2/axis2.xml", "repository/conf/carbon.xml",
                "repository/conf/tomcat/catalina-server.xml", "repository/conf/datasources/master-datasources.xml",
                "repository/conf/registry.xml", "repository/conf/user-mgt.xml"}) {
                put(out, TOP + config, Files.readAllBytes(sampleTree.resolve(config)), 0644);
            }
            put(out, TOP + "bin/wso2server.sh", "#!/bin/sh\necho bench\n".getBytes(StandardCharsets.UTF_8), 0755);
            byte[] jar = new byte[jarSize];
            for (int i = 0; i < jarEntries; i++) {
                random.nextBytes(jar);
                put(out, TOP + "repository/components/plugins/bundle_" + i + "_1.0.0.jar", jar, 0644);
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < textEntries; i++) {
                text.setLength(0);
                while (text.length() < textSize) {
                    text.append("<property name=\"key").append(random.nextInt(1000)).append("\" value=\"")
                            .append(random.nextInt()).append("\"/>\n");
                }
                put(out, TOP + "repository/resources/text/resource_" + i + ".xml",
                        text.toString().getBytes(StandardCharsets.UTF_8), 0644);
            }
        }
        return zip;
    }

    private static void put(ZipArchiveOutputStream out, String name, byte[] content, int mode) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(UnixStat.FILE_FLAG | mode);
        entry.setTime(1_600_000_000_000L);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }
}
