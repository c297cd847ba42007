package io.github.wso2cluster.config;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.DatabaseTypes;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Databases;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.SharedDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        String edited = TomlArrayTables.upsert(TomlSource.parse(path, text), DatabaseNames.TOML_DATASOURCE_ARRAY, "id",
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
        return TomlArrayTables.upsert(TomlSource.parse(path, edited), TASK_RESOLVER, null, null, nodes, List.of(), List.of(),
                changes);
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
}
