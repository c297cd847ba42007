package io.github.wso2cluster.product;

import java.util.Locale;
import java.util.Map;

/**
 * The names WSO2 gives the product databases, in one place: the datasources of Carbon 4.x's
 * master-datasources.xml, and the {@code [database.*]} tables of deployment.toml with the datasource and JNDI
 * names their templates render. configure-cluster writes them and verify-cluster reads them.
 */
public final class DatabaseNames {
    /** Each node's own local registry: never shared. */
    public static final String CARBON_DB = "WSO2_CARBON_DB";
    public static final String REGISTRY_DATASOURCE = "WSO2_REGISTRY_DB";
    public static final String REGISTRY_JNDI = "jdbc/WSO2RegistryDB";
    public static final String USER_DATASOURCE = "WSO2_USER_DB";
    public static final String USER_JNDI = "jdbc/WSO2UMDB";
    /** API Manager 1.x/2.x's message broker store: each node's own, never shared (WSO2's distributed deployment pages). */
    public static final String MB_STORE_DB = "WSO2_MB_STORE_DB";
    /** Micro Integrator's coordination database: its presence switches RDBMS coordination on. */
    public static final String COORDINATION_DB = "WSO2_COORDINATION_DB";
    /** Where Carbon 4.x keeps its datasources, under {@code <conf>}. */
    static final String MASTER_DATASOURCES = "datasources/master-datasources.xml";
    /** Micro Integrator's array of datasources in deployment.toml. */
    public static final String TOML_DATASOURCE_ARRAY = "datasource";

    /** deployment.toml's shared registry table ({@code databases/registry}). */
    public static final String TOML_REGISTRY_TABLE = "database.shared_db";
    /** deployment.toml's user store table ({@code databases/userStore}). */
    public static final String TOML_USER_TABLE = "database.user";
    /** The key that points the realm at the user store, and the datasource name the templates render for it. */
    public static final String TOML_REALM_DATA_SOURCE = "realm_manager.data_source";
    public static final String TOML_USER_DATASOURCE = "WSO2USER_DB";

    /** The datasource and JNDI names WSO2's templates give the {@code [database.*]} tables, by table name. */
    private static final Map<String, String[]> TOML_DATASOURCES = Map.of(
            "shared_db", new String[] {"WSO2_SHARED_DB", "jdbc/SHARED_DB"},
            "user", new String[] {TOML_USER_DATASOURCE, "jdbc/" + TOML_USER_DATASOURCE},
            "identity_db", new String[] {"WSO2_IDENTITY_DB", "jdbc/WSO2IdentityDB"},
            "apim_db", new String[] {"WSO2AM_DB", "jdbc/WSO2AM_DB"},
            "local", new String[] {CARBON_DB, "jdbc/WSO2CarbonDB"});

    private DatabaseNames() {
    }

    /** The databases each node keeps to itself, whatever the POM says. */
    public static boolean nodeLocal(String datasource) {
        return CARBON_DB.equals(datasource) || MB_STORE_DB.equals(datasource);
    }

    /** {datasource name, JNDI name} of a {@code [database.<table>]} (an unknown table: its name in capitals). */
    public static String[] tomlDatasource(String table) {
        String[] names = TOML_DATASOURCES.get(table);
        String upper = table.toUpperCase(Locale.ROOT);
        return names != null ? names.clone() : new String[] {upper, "jdbc/" + upper};
    }
}
