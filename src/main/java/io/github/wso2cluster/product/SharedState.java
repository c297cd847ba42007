package io.github.wso2cluster.product;

import io.github.wso2cluster.topology.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Which databases must be shared by the nodes of a cluster, per product and role (the contract's must-be-shared
 * table, from WSO2's clustering and distributed-deployment pages): a node that keeps such state in its own embedded
 * database is a cluster of one for it.
 */
public final class SharedState {
    /** How a node's configuration names the datasource the state lives in. */
    public enum Via {
        /** The datasource of this name ({@code WSO2AM_DB}, deployment.toml's {@code WSO2_IDENTITY_DB}). */
        NAME,
        /** The datasource whose JNDI name user-mgt.xml's realm {@code dataSource} (or {@code [realm_manager]}) gives. */
        REALM,
        /** The datasource of the dbConfig the remote instance mounted at {@code /_system/config} uses. */
        REGISTRY_MOUNT,
        /** The datasource whose JNDI name identity.xml's {@code JDBCPersistenceManager} gives (IS 5.0-5.8). */
        IDENTITY_XML
    }

    /**
     * One database a node must share.
     *
     * @param datasource the datasource name (for {@link Via#NAME}), else how it is usually called, for messages
     * @param element    the {@code <databases>} element that shares it
     * @param holds      what lives there, for the message ("OAuth tokens, sessions and consents")
     * @param onlyWhenFile the file whose presence makes it required (EI's business-process datasources), or null
     */
    public record Required(String datasource, Via via, String element, String holds, String onlyWhenFile) {
    }

    private SharedState() {
    }

    /** What the node of this role must share; empty when the product requires nothing (a generic Carbon product). */
    public static List<Required> required(Product product, Role role) {
        Role effective = role == null ? null : ProductRoles.effective(product, role);
        List<Required> required = new ArrayList<>();
        switch (product.line()) {
            case IDENTITY_SERVER -> {
                if (product.isToml()) {
                    required.add(new Required(ProductDatabase.IDENTITY.datasource(), Via.NAME, "identity",
                            "OAuth tokens, sessions and consents", null));
                    required.add(new Required(DatabaseNames.tomlDatasource("shared_db")[0], Via.NAME, "registry",
                            "the registry and the shared configuration", null));
                    required.add(new Required(DatabaseNames.TOML_USER_DATASOURCE, Via.REALM, "userStore", "users and roles",
                            null));
                } else {
                    required.add(new Required(ProductDatabase.IDENTITY.datasource(), Via.IDENTITY_XML, "identity",
                            "OAuth tokens, sessions and consents", null));
                }
            }
            case API_MANAGER -> {
                boolean gateway = effective == Role.GATEWAY;
                if (product.isToml()) {
                    if (!gateway) {
                        required.add(new Required(ProductDatabase.APIM.datasource(), Via.NAME, "apim",
                                "subscriptions, applications and throttling policies", null));
                    }
                    required.add(new Required(DatabaseNames.tomlDatasource("shared_db")[0], Via.NAME, "registry",
                            "the registry and the user store", null));
                } else {
                    required.add(new Required(ProductDatabase.APIM.datasource(), Via.NAME, "apim",
                            "subscriptions, applications and throttling policies", null));
                    required.add(new Required(DatabaseNames.USER_DATASOURCE, Via.REALM, "userStore", "users and roles", null));
                    required.add(new Required(DatabaseNames.REGISTRY_DATASOURCE, Via.REGISTRY_MOUNT, "registry",
                            "APIs, their documents and the governance registry", null));
                }
            }
            case MICRO_INTEGRATOR -> required.add(new Required(DatabaseNames.COORDINATION_DB, Via.NAME, "coordination",
                    "cluster membership and which node runs each task", null));
            case CARBON -> {
                for (ProductDatabase own : List.of(ProductDatabase.BPS, ProductDatabase.ACTIVITI)) {
                    if (!product.isToml()) {
                        required.add(new Required(own.datasource(), Via.NAME, own.element(), own == ProductDatabase.BPS
                                ? "BPEL process instances" : "BPMN process instances",
                                own.xmlFile(product.paths()).orElseThrow()));
                    }
                }
            }
        }
        return required;
    }
}
