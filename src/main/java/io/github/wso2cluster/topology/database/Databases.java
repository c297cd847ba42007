package io.github.wso2cluster.topology.database;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.ProductDatabase;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cluster's shared databases ({@code <databases>}).
 *
 * @param registry   the shared registry database, or null
 * @param userStore  the shared user store database, or null
 * @param driver     the driver's {@code groupId:artifactId:version}, or null
 * @param driverJar  the resolved driver jar (null without {@code driver})
 * @param products   the product databases configured ({@code identity}, {@code apim}, ...), by element
 */
public record Databases(SharedDatabase registry, SharedDatabase userStore, String driver, Path driverJar,
                        Map<ProductDatabase, SharedDatabase> products) {
    public Databases {
        EnumMap<ProductDatabase, SharedDatabase> copy = new EnumMap<>(ProductDatabase.class);
        copy.putAll(products);
        products = Collections.unmodifiableMap(copy);
    }

    public Databases(SharedDatabase registry, SharedDatabase userStore, String driver, Path driverJar) {
        this(registry, userStore, driver, driverJar, Map.of());
    }

    /** A product database, or null when the POM does not configure it. */
    public SharedDatabase product(ProductDatabase database) {
        return products.get(database);
    }

    /** Whether anything is wired into the datasources (the driver alone is not). */
    public boolean anyDatabase() {
        return registry != null || userStore != null || !products.isEmpty();
    }

    /** master-datasources.xml name and JNDI name of the shared registry datasource. */
    public static final String REGISTRY_DATASOURCE = DatabaseNames.REGISTRY_DATASOURCE;
    public static final String REGISTRY_JNDI = DatabaseNames.REGISTRY_JNDI;
    /** master-datasources.xml name and JNDI name of the shared user store datasource. */
    public static final String USER_DATASOURCE = DatabaseNames.USER_DATASOURCE;
    public static final String USER_JNDI = DatabaseNames.USER_JNDI;

    /** The driver jar's file name in a node, {@code <artifactId>-<version>.jar}. */
    public String driverFileName() {
        String[] parts = driver.split(":");
        return parts[1] + "-" + parts[parts.length - 1] + ".jar";
    }
}
