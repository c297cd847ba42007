package io.github.wso2cluster.product;

import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.database.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which {@code <databases>} elements a product has a database for (the contract's "Product databases" table): an
 * element the product has none for is a problem naming the product, found before anything is written.
 */
public final class ProductDatabases {
    private ProductDatabases() {
    }

    /** Whether the product keeps this database (EI's business-process ones: where the profile ships their file). */
    public static boolean has(Product product, ProductDatabase database, Predicate<String> exists) {
        return switch (database) {
            case IDENTITY -> product.line() == ProductLine.IDENTITY_SERVER;
            case APIM -> product.line() == ProductLine.API_MANAGER;
            case COORDINATION -> product.line() == ProductLine.MICRO_INTEGRATOR;
            case BPS, ACTIVITI -> !product.isToml() && exists.test(database.xmlFile(product.paths()).orElseThrow());
        };
    }

    /** @param exists whether a file (relative to the top folder) is in the distribution */
    public static List<String> problems(Cluster cluster, Product product, Predicate<String> exists) {
        List<String> problems = new ArrayList<>();
        Databases databases = cluster.databases();
        boolean micro = product.line() == ProductLine.MICRO_INTEGRATOR;
        if (databases != null) {
            for (ProductDatabase database : ProductDatabase.values()) {
                if (databases.product(database) != null && !has(product, database, exists)) {
                    problems.add("databases/" + database.element() + ": " + product.describe() + " has no " + database.datasource()
                            + " database (" + owner(database) + "); remove <" + database.element() + ">");
                }
            }
            if (micro && databases.registry() != null) {
                problems.add("databases/registry: " + product.describe() + " has no shared registry database (its registry"
                        + " is files under <MI_HOME>/registry); remove <registry>");
            }
            if (micro && databases.userStore() != null) {
                problems.add("databases/userStore: " + product.describe() + " reads no [database.user]; configure its user"
                        + " store with <tomlEdits> ([user_store]) and remove <userStore>");
            }
        }
        if (micro && !cluster.taskNodes().isEmpty() && (databases == null
                || databases.product(ProductDatabase.COORDINATION) == null)) {
            problems.add("taskNodes: tasks are shared out only between nodes that coordinate through"
                    + " WSO2_COORDINATION_DB; configure <databases><coordination>, or remove <taskNodes>");
        }
        return problems;
    }

    /** Which product keeps the database, for the message. */
    private static String owner(ProductDatabase database) {
        return switch (database) {
            case IDENTITY -> "Identity Server keeps its tokens, sessions and consents there";
            case APIM -> "API Manager keeps its subscriptions, applications and policies there";
            case COORDINATION -> "Micro Integrator 4.x coordinates its nodes through it";
            case BPS, ACTIVITI -> "EI 6.x's business-process profile keeps it in <conf>/" + database.xmlFile(new ConfigPaths(""))
                    .orElseThrow().substring(1) + ", which this distribution does not ship";
        };
    }
}
