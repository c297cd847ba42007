package io.github.wso2cluster.settings;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.topology.Secret;
import java.util.Locale;

/**
 * One datasource a node's configuration defines, whatever the format: a master-datasources.xml
 * {@code <datasource>} or a deployment.toml {@code [database.*]} table.
 *
 * @param where         where it is defined (its name as the value)
 * @param password      its password (a secret: only the live check reads it)
 * @param vaultPassword whether the password is a secure-vault reference only a running server can resolve
 */
public record Datasource(String name, String jndiName, String url, String user, String driverClassName, Located where,
                         Secret password, boolean vaultPassword) {
    /** The node's own local registry: never shared, whatever its URL. */
    public static final String CARBON_DB = DatabaseNames.CARBON_DB;

    /**
     * Each node's own embedded H2 database ({@code jdbc:h2:} and a file path, {@code file:} or {@code mem:}): never
     * shared, whatever its name. An H2 server ({@code jdbc:h2:tcp:}, {@code ssl:}) is a database server like others.
     */
    public boolean embedded() {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return url == null || lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    /**
     * A database the nodes share: any datasource on a real database server but the node's own
     * {@code WSO2_CARBON_DB} (its local registry) and API Manager's {@code WSO2_MB_STORE_DB}, which must not be shared.
     */
    public boolean shared() {
        return !embedded() && !DatabaseNames.nodeLocal(name);
    }
}
