package io.github.wso2cluster.topology.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether the file Maven resolved for {@code databases/driver} is a JDBC driver jar: a proxy that answers a missing
 * artifact with an HTML page gets that page stored as the jar, and every node would then ship it. Read as a zip
 * only (no class of it is loaded): it must hold a class listed in {@code META-INF/services/java.sql.Driver} (how JDBC
 * 4 drivers announce themselves) or one of the driver classes the datasources name.
 */
final class DriverJar {
    private static final String SERVICES = "META-INF/services/java.sql.Driver";

    private DriverJar() {
    }

    /** Why {@code jar} is not a JDBC driver jar, or null when it is one. */
    static String problem(Path jar, List<String> driverClasses) {
        if (jar == null || !Files.isRegularFile(jar)) {
            return "is not a file";
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> announced = new ArrayList<>();
            ZipEntry services = zip.getEntry(SERVICES);
            if (services != null) {
                try (InputStream in = zip.getInputStream(services)) {
                    String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    for (String line : text.split("\\R")) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (!name.isEmpty()) {
                            announced.add(name);
                        }
                    }
                }
            }
            List<String> candidates = new ArrayList<>(announced);
            candidates.addAll(driverClasses);
            for (String name : candidates) {
                if (zip.getEntry(name.replace('.', '/') + ".class") != null) {
                    return null;
                }
            }
            return "holds no JDBC driver (no class named in " + SERVICES + (driverClasses.isEmpty() ? ""
                    : ", nor " + String.join(", ", driverClasses)) + ")";
        } catch (IOException notAZip) {
            return "is not a jar (" + start(jar) + ")";
        }
    }

    /** What the file starts with, for the message: an HTML page says so at once. */
    private static String start(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", " ").trim();
            return head.toLowerCase(java.util.Locale.ROOT).contains("<html") || head.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("<!doctype") ? "an HTML page, starting '" + head.replaceAll("\\s+", " ") + "'"
                    : "no zip file: " + Files.size(file) + " bytes";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
