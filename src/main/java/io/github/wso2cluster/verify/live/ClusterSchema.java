package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.config.ConfigFiles;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The tables Micro Integrator's coordination needs, from the distribution's own
 * {@code dbscripts/<db>/<db>_cluster.sql} for the URL's database: the live check compares them with what the
 * coordination database holds (a database nobody ran the script on stops every node's coordination at start).
 */
record ClusterSchema(String script, List<String> tables) {
    private static final Pattern CREATE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`\\[]?(\\w+)");
    /** Where each database's script stands in MI 4.x distributions (postgres moved between releases). */
    private static final Map<String, List<String>> SCRIPTS = Map.of(
            "mysql", List.of("dbscripts/mysql/mysql_cluster.sql"),
            "mariadb", List.of("dbscripts/mariadb/mariadb_cluster.sql", "dbscripts/mysql/mysql_cluster.sql"),
            "postgresql", List.of("dbscripts/postgres/postgresql_cluster.sql", "dbscripts/postgresql_cluster.sql"),
            "sqlserver", List.of("dbscripts/mssql/mssql_cluster.sql"),
            "oracle", List.of("dbscripts/oracle/oracle_cluster.sql"),
            "db2", List.of("dbscripts/db2/db2_cluster.sql"));

    /** The script of the URL's database in the node's tree, with its tables; empty when the node ships none. */
    static Optional<ClusterSchema> of(NodeFacts node, String url) {
        String[] parts = url == null ? new String[0] : url.split(":", 3);
        List<String> candidates = parts.length < 3 ? List.of() : SCRIPTS.getOrDefault(parts[1].toLowerCase(Locale.ROOT), List.of());
        for (String candidate : candidates) {
            Optional<byte[]> bytes = read(Path.of(node.source()), candidate);
            if (bytes.isPresent()) {
                List<String> tables = new ArrayList<>();
                Matcher create = CREATE.matcher(new String(bytes.get(), StandardCharsets.UTF_8));
                while (create.find()) {
                    tables.add(create.group(1));
                }
                return tables.isEmpty() ? Optional.empty() : Optional.of(new ClusterSchema(candidate, tables));
            }
        }
        return Optional.empty();
    }

    /** One file of the node: in its zip's top folder, or in the unpacked folder (the top folder or its parent). */
    private static Optional<byte[]> read(Path source, String path) {
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> children = Files.list(source)) {
                    for (Path top : Stream.concat(Stream.of(source), children.filter(Files::isDirectory)).toList()) {
                        Path file = top.resolve(path);
                        if (Files.isRegularFile(file)) {
                            try (InputStream in = Files.newInputStream(file)) {
                                return Optional.of(ConfigFiles.read(in, Files.size(file), file.toString()));
                            }
                        }
                    }
                }
                return Optional.empty();
            }
            try (ZipFile zip = ZipFile.builder().setPath(source).setIgnoreLocalFileHeader(true).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && (name.equals(path) || name.endsWith("/" + path)
                            && name.indexOf('/') == name.length() - path.length() - 1)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            return Optional.of(ConfigFiles.read(in, entry.getSize(), name));
                        }
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // an unreadable node fails its config-files case already
        }
        return Optional.empty();
    }
}
