package io.github.wso2cluster.product;

import io.github.wso2cluster.output.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database {@code type} names a deployment.toml product knows, from its own {@code infer.json}
 * ({@code database.$1.type}, or a table's own {@code database.apim_db.type}): the type picks the templates'
 * validation query and driver defaults, so a table that gets a MySQL URL must not keep {@code type = "h2"}.
 */
public final class DatabaseTypes {
    /** The names Identity Server 7 and API Manager 4 know; used when the product ships no infer.json. */
    private static final List<String> KNOWN = List.of("mysql", "mariadb", "oracle", "mssql", "db2", "postgre", "h2");
    /** WSO2's type name for each JDBC subprotocol ({@code postgre}, not postgresql; {@code mssql} for sqlserver). */
    private static final Map<String, String> BY_SUBPROTOCOL = Map.of("mysql", "mysql", "mariadb", "mariadb",
            "postgresql", "postgre", "sqlserver", "mssql", "oracle", "oracle", "db2", "db2", "h2", "h2");

    private final Map<String, Set<String>> byTable;
    private final Set<String> general;

    private DatabaseTypes(Map<String, Set<String>> byTable, Set<String> general) {
        this.byTable = byTable;
        this.general = general;
    }

    /** @param inferJson the product's infer.json, or null when it has none */
    public static DatabaseTypes of(byte[] inferJson) {
        Map<String, Set<String>> tables = new java.util.LinkedHashMap<>();
        Set<String> general = new LinkedHashSet<>(KNOWN);
        if (inferJson == null) {
            return new DatabaseTypes(tables, general);
        }
        try {
            if (Json.parse(new String(inferJson, StandardCharsets.UTF_8)) instanceof Map<?, ?> rules) {
                rules.forEach((key, values) -> {
                    String name = String.valueOf(key);
                    if (name.startsWith("database.") && name.endsWith(".type") && values instanceof Map<?, ?> types) {
                        Set<String> names = new LinkedHashSet<>();
                        types.keySet().forEach(t -> names.add(String.valueOf(t)));
                        tables.put(name.substring("database.".length(), name.length() - ".type".length()), names);
                    }
                });
            }
        } catch (Json.JsonException e) {
            return new DatabaseTypes(tables, general); // a broken infer.json: the names WSO2's products share
        }
        Set<String> generalFromFile = tables.remove("$1");
        return new DatabaseTypes(tables, generalFromFile != null ? generalFromFile : general);
    }

    public static DatabaseTypes defaults() {
        return of(null);
    }

    /**
     * The {@code type} for a {@code [database.<table>]} with this JDBC URL, in the names the product knows for the
     * table; MariaDB falls back to {@code mysql} where the product knows no {@code mariadb} (API Manager 3.0).
     * Empty when the product knows no name for the URL's database.
     */
    public Optional<String> type(String table, String url) {
        String[] parts = url.split(":", 3);
        String wanted = parts.length < 3 ? null : BY_SUBPROTOCOL.get(parts[1].toLowerCase(Locale.ROOT));
        if (wanted == null) {
            return Optional.empty();
        }
        Set<String> known = new LinkedHashSet<>(general);
        known.addAll(byTable.getOrDefault(table, Set.of()));
        if (known.contains(wanted)) {
            return Optional.of(wanted);
        }
        return wanted.equals("mariadb") && known.contains("mysql") ? Optional.of("mysql") : Optional.empty();
    }

    /** Every name the product knows for the table, for a message. */
    public Set<String> known(String table) {
        Set<String> known = new LinkedHashSet<>(general);
        known.addAll(byTable.getOrDefault(table, Set.of()));
        return known;
    }
}
