package io.github.wso2cluster.config;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.DatabaseTypes;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.database.SharedDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The cluster's databases in a deployment.toml: the {@code [database.*]} tables (shared registry, user store,
 * identity and API Manager databases), each with {@code type} from its URL; and Micro Integrator's coordination
 * {@code [[datasource]]}, its {@code [cluster_config] node_id} and {@code [task_handling]}.
 *
 * <p>WSO2's templates render {@code url}, {@code username} and {@code password} into XML without escaping them
 * (which is why WSO2's own examples write {@code &amp;} in JDBC URLs): those values are written XML-escaped, and
 * read back unescaped ({@link #unescaped}). A {@code $secret{}} reference is substituted after parsing: never escaped.
 */
public final class TomlDatabases {
    /** WSO2's resolver that runs tasks only on the named nodes (MI's TasksDSComponent reads [task_handling]). */
    public static final String TASK_NODE_RESOLVER = "org.wso2.micro.integrator.ntask.coordination.task.resolver.TaskNodeResolver";
    public static final String NODE_ID = "cluster_config.node_id";
    public static final String RESOLVER_CLASS = "task_handling.resolver_class";
    /** The array MI's TasksDSComponent reads the resolver's properties from (its first entry). */
    public static final String TASK_RESOLVER = "task_resolver";
    public static final String TASK_NODES = "task_nodes";

    private TomlDatabases() {
    }

    /** The {@code [database.*]} tables, through the editor; everything but the arrays of tables. */
    static void tables(TomlEditor editor, Cluster cluster, DatabaseTypes types) throws ConfigFileException {
        Databases databases = cluster.databases();
        if (databases == null) {
            return;
        }
        table(editor, DatabaseNames.TOML_REGISTRY_TABLE, databases.registry(), types);
        if (databases.userStore() != null) {
            table(editor, DatabaseNames.TOML_USER_TABLE, databases.userStore(), types);
            editor.set(DatabaseNames.TOML_REALM_DATA_SOURCE, TomlConfigurer.string(DatabaseNames.TOML_USER_DATASOURCE));
        }
        for (ProductDatabase product : ProductDatabase.values()) {
            if (product.tomlTable().isPresent()) {
                table(editor, product.tomlTable().get(), databases.product(product), types);
            }
        }
    }

    private static void table(TomlEditor editor, String table, SharedDatabase database, DatabaseTypes types)
            throws ConfigFileException {
        if (database == null) {
            return;
        }
        String name = table.substring(table.indexOf('.') + 1);
        String type = types.type(name, database.url()).orElseThrow(() -> new ConfigFileException(
                editor.source().fileName() + ": [" + table + "] gets the URL " + database.url() + ", but this product's"
                        + " infer.json knows no database type for it (it knows " + String.join(", ", types.known(name))
                        + "); use one of those databases"));
        editor.set(table + ".type", TomlConfigurer.string(type));
        editor.set(table + ".url", TomlConfigurer.string(escaped(database.url())));
        editor.set(table + ".username", TomlConfigurer.string(escaped(database.user())));
        editor.set(table + ".password", TomlConfigurer.string(escaped(database.password().reveal())), true);
        editor.set(table + ".driver", TomlConfigurer.string(database.driverClassName()));
    }

    /**
     * Micro Integrator: the {@code WSO2_COORDINATION_DB} datasource, replaced in place strictly when the file has one
     * (its pool options kept), the node's own {@code [cluster_config] node_id}, and the task nodes; on the text the
     * editor produced.
     *
     * @return the text with them, or {@code text} unchanged when the cluster has no coordination database
     */
    static String coordination(String path, String text, Cluster cluster, Node node, List<String> changes)
            throws ConfigFileException {
        Databases databases = cluster.databases();
        SharedDatabase coordination = databases == null ? null : databases.product(ProductDatabase.COORDINATION);
        if (coordination == null) {
            return text;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", TomlConfigurer.string(DatabaseNames.COORDINATION_DB));
        values.put("url", TomlConfigurer.string(escaped(coordination.url())));
        values.put("username", TomlConfigurer.string(escaped(coordination.user())));
        values.put("password", TomlConfigurer.string(escaped(coordination.password().reveal())));
        values.put("driver", TomlConfigurer.string(coordination.driverClassName()));
        values.put("pool_options.maxActive", "50");
        values.put("pool_options.maxWait", "60000");
        values.put("pool_options.testOnBorrow", "true");
        // The only place MI's master-datasources.xml.j2 reads a validation query from.
        values.put("pool_options.validationQuery", TomlConfigurer.string(coordination.validationQuery()));
        values.put("pool_options.validationInterval", "30000");
        String edited = ArrayTables.upsert(TomlSource.parse(path, text), DatabaseNames.TOML_DATASOURCE_ARRAY, "id",
                DatabaseNames.COORDINATION_DB, values, List.of("pool_options.maxActive", "pool_options.maxWait",
                        "pool_options.testOnBorrow", "pool_options.validationInterval"), List.of("password"), changes);
        TomlEditor editor = new TomlEditor(TomlSource.parse(path, edited));
        // Unique by construction: a node id twice stops the second node at start ("Node with id ... already exists").
        editor.set(NODE_ID, TomlConfigurer.string(node.id()));
        if (!cluster.taskNodes().isEmpty()) {
            editor.set(RESOLVER_CLASS, TomlConfigurer.string(TASK_NODE_RESOLVER));
        }
        changes.addAll(editor.changes());
        edited = editor.changed() ? editor.result() : edited;
        if (cluster.taskNodes().isEmpty()) {
            return edited;
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put(TASK_NODES, TomlConfigurer.string(String.join(",", cluster.taskNodes())));
        return ArrayTables.upsert(TomlSource.parse(path, edited), TASK_RESOLVER, null, null, nodes, List.of(), List.of(),
                changes);
    }

    /** Takes a dotted key's value out of a plain table (parents the removal empties go too). */
    public static Object removeDotted(Map<String, Object> table, String dotted) {
        String[] path = dotted.split("\\.");
        Map<String, Object> at = table;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(at.get(path[i]) instanceof Map<?, ?> next)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) next;
            at = cast;
        }
        Object removed = at.remove(path[path.length - 1]);
        // An implicit parent the array alone made ([apim.throttling] of its url_group) counts as absent.
        pruneEmpty(table);
        return removed;
    }

    private static void pruneEmpty(Map<String, Object> table) {
        table.values().forEach(v -> {
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) m;
                pruneEmpty(cast);
            }
        });
        table.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
    }

    /** A value the templates render into XML, escaped for it ({@code $secret{}} references excepted). */
    static String escaped(String value) {
        if (value == null || value.contains("$secret{")) {
            return value;
        }
        return value.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** What the server's XML parser reads from a value the templates rendered into XML. */
    public static String unescaped(String value) {
        return value == null ? null : XmlEscapes.unescape(value);
    }

    /**
     * Surgical edits of one entry of a deployment.toml array of tables ({@code [[datasource]]}, {@code [[task_resolver]]}),
     * which {@link TomlEditor}'s dotted keys cannot address: the entry's keys that exist get their value replaced in
     * place, missing ones go after the entry's last key, and a missing entry is appended at the end of the file. The
     * result is parsed again, and everything outside the entry must have kept its value.
     */
    /** Upserts one entry of an array of tables (see {@link ArrayTables#upsert}), for API Manager's environments. */
    public static String upsertEntry(TomlSource source, String array, String matchKey, String matchValue,
                                     Map<String, String> values, List<String> keep, List<String> secrets,
                                     List<String> changes) throws ConfigFileException {
        return ArrayTables.upsert(source, array, matchKey, matchValue, values, keep, secrets, changes);
    }

    static final class ArrayTables {
        private ArrayTables() {
        }


        /**
         * @param match    which entry: the one whose {@code matchKey} has {@code matchValue}; a null key takes the first
         * @param values   dotted keys of the entry (relative to it) and their TOML values, in order; a new entry gets all
         * @param keep     keys of {@code values} that an existing entry keeps as it has them (its pool settings)
         * @param changes  one line per change (secret values are never shown)
         */
        static String upsert(TomlSource source, String array, String matchKey, String matchValue,
                             Map<String, String> values, List<String> keep, List<String> secrets, List<String> changes)
                throws ConfigFileException {
            String text = source.text();
            String sep = source.lineSeparator();
            TomlArray entries = source.parsed().isArray(array) ? source.parsed().getArray(array) : null;
            int index = -1;
            for (int i = 0; entries != null && i < entries.size(); i++) {
                if (!(entries.get(i) instanceof TomlTable entry)) {
                    continue;
                }
                if (matchKey == null || Objects.equals(matchValue, entry.get(matchKey))) {
                    index = i;
                    break;
                }
            }
            TextPatch patch = new TextPatch();
            if (index < 0) {
                StringBuilder block = new StringBuilder();
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    block.append(sep);
                }
                block.append(sep).append("[[").append(array).append("]]").append(sep);
                values.forEach((key, value) -> block.append(key).append(" = ").append(value).append(sep));
                patch.insert(text.length(), block.toString());
                changes.add(source.fileName() + " [[" + array + "]] " + (matchKey == null ? "" : matchKey + " = " + matchValue + " ")
                        + "(added entry)");
            } else {
                TomlTable entry = entries.getTable(index);
                int last = -1;
                for (String key : entry.dottedKeySet(true)) {
                    TomlPosition at = entry.inputPositionOf(key);
                    if (at != null) {
                        last = Math.max(last, source.lineEnd(Math.max(source.offset(at.line(), at.column()),
                                source.valueSpan(source.offset(at.line(), at.column()))[1] - 1)));
                    }
                }
                StringBuilder missing = new StringBuilder();
                for (Map.Entry<String, String> value : values.entrySet()) {
                    TomlPosition at = entry.inputPositionOf(value.getKey());
                    boolean secret = secrets.contains(value.getKey());
                    String shown = secret ? "******" : value.getValue();
                    if (at == null) {
                        missing.append(value.getKey()).append(" = ").append(value.getValue()).append(sep);
                        changes.add(source.fileName() + " [[" + array + "]] " + value.getKey() + " = " + shown + " (added)");
                    } else if (!keep.contains(value.getKey()) && !Objects.equals(entry.get(value.getKey()), parse(value.getValue()))) {
                        int[] span = source.valueSpan(source.offset(at.line(), at.column()));
                        patch.replace(span[0], span[1], value.getValue());
                        changes.add(source.fileName() + ":" + at.line() + " [[" + array + "]] " + value.getKey() + " = " + shown);
                    }
                }
                if (!missing.isEmpty()) {
                    if (last >= text.length() && !text.endsWith("\n")) {
                        missing.insert(0, sep);
                    }
                    patch.insert(Math.min(last, text.length()), missing.toString());
                }
            }
            if (patch.isEmpty()) {
                return text;
            }
            String edited = patch.apply(text);
            TomlSource after = TomlSource.parse(source.fileName(), edited);
            checkOthersKept(source, after, array, index);
            return edited;
        }

        /** Every table and entry but the edited one holds what it held (a splice that went wrong fails here). */
        private static void checkOthersKept(TomlSource before, TomlSource after, String array, int index)
                throws ConfigFileException {
            Map<String, Object> was = plain(before.parsed());
            Map<String, Object> now = plain(after.parsed());
            // A dotted array ([[apim.gateway.environment]]) sits in its parent tables.
            List<?> wasEntries = removeDotted(was, array) instanceof List<?> list ? list : List.of();
            List<?> nowEntries = removeDotted(now, array) instanceof List<?> list ? list : List.of();
            boolean same = was.equals(now) && nowEntries.size() == wasEntries.size() + (index < 0 ? 1 : 0);
            for (int i = 0; same && i < wasEntries.size(); i++) {
                same = i == index || Objects.equals(wasEntries.get(i), nowEntries.get(i));
            }
            if (!same) {
                throw new ConfigFileException(before.fileName() + ": editing [[" + array + "]] changed what no setting"
                        + " touches; please report this with the file");
            }
        }

        /** A table as plain maps and lists (tomlj's tables and arrays have no equals). */
        private static Map<String, Object> plain(TomlTable table) {
            Map<String, Object> map = new LinkedHashMap<>();
            table.keySet().forEach(key -> map.put(key, plain(table.get(List.of(key)))));
            return map;
        }

        private static Object plain(Object value) {
            if (value instanceof TomlTable table) {
                return plain(table);
            }
            if (value instanceof TomlArray array) {
                List<Object> list = new java.util.ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    list.add(plain(array.get(i)));
                }
                return list;
            }
            return value;
        }

        private static Object parse(String tomlValue) {
            return org.tomlj.Toml.parse("v = " + tomlValue).get("v");
        }
    }
}
