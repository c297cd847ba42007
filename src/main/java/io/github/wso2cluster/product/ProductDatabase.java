package io.github.wso2cluster.product;

import java.util.Optional;

/**
 * The product databases {@code <databases>} takes beyond the registry and the user store, each with where WSO2
 * keeps it: a Carbon 4.x datasource (its name, JNDI name and file under {@code <conf>}) and a deployment.toml
 * place (a {@code [database.*]} table, or Micro Integrator's {@code [[datasource]]} entry).
 */
public enum ProductDatabase {
    /** Identity Server's tokens, sessions and consents. */
    IDENTITY("identity", "WSO2_IDENTITY_DB", "jdbc/WSO2IdentityDB", DatabaseNames.MASTER_DATASOURCES, "database.identity_db"),
    /** API Manager's subscriptions, applications and throttling policies. */
    APIM("apim", "WSO2AM_DB", "jdbc/WSO2AM_DB", DatabaseNames.MASTER_DATASOURCES, "database.apim_db"),
    /** Micro Integrator's cluster membership and task ownership (RDBMS coordination). */
    COORDINATION("coordination", DatabaseNames.COORDINATION_DB, "jdbc/" + DatabaseNames.COORDINATION_DB, null, null),
    /** EI 6.x business-process: the BPEL engine's state. */
    BPS("bps", "BPS_DS", "bpsds", "datasources/bps-datasources.xml", null),
    /** EI 6.x business-process (BPMN): the Activiti engine's state. */
    ACTIVITI("activiti", "ACTIVITI_DB", "jdbc/ActivitiDB", "datasources/activiti-datasources.xml", null);

    private final String element;
    private final String datasource;
    private final String jndiName;
    private final String xmlFile;
    private final String tomlTable;

    ProductDatabase(String element, String datasource, String jndiName, String xmlFile, String tomlTable) {
        this.element = element;
        this.datasource = datasource;
        this.jndiName = jndiName;
        this.xmlFile = xmlFile;
        this.tomlTable = tomlTable;
    }

    /** The {@code <databases>} element, as the POM writes it. */
    public String element() {
        return element;
    }

    /** The datasource name ({@code WSO2AM_DB}); Micro Integrator's {@code [[datasource]]} id. */
    public String datasource() {
        return datasource;
    }

    public String jndiName() {
        return jndiName;
    }

    /** The Carbon 4.x file that defines it, under {@code <conf>}; empty on a deployment.toml-only database. */
    public Optional<String> xmlFile(ConfigPaths paths) {
        return Optional.ofNullable(xmlFile).map(f -> paths.conf() + "/" + f);
    }

    /** The deployment.toml table, or empty ({@code [[datasource]]} or none). */
    public Optional<String> tomlTable() {
        return Optional.ofNullable(tomlTable);
    }
}
