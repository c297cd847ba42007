package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.RegistryConfig;
import io.github.wso2cluster.config.UserManagement;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.settings.XmlValues;
import java.util.List;
import java.util.Optional;

/**
 * A node's database wiring: its datasources (master-datasources.xml, or deployment.toml's {@code [database.*]}),
 * and registry.xml and user-mgt.xml, read through the same views configure-cluster edits with, each value with
 * its line. Files the node lacks give no values.
 */
public final class DatabaseFacts {
    private final NodeSettings settings;
    private final XmlValues registryFile;
    private final XmlValues userFile;

    DatabaseFacts(NodeSettings settings, XmlValues registry, XmlValues users) {
        this.settings = settings;
        this.registryFile = registry;
        this.userFile = users;
    }

    public String datasourcesPath() {
        return settings.datasourcesFile();
    }

    public String registryPath() {
        return registryFile.path();
    }

    public boolean hasRegistry() {
        return registryFile.source().isPresent();
    }

    public List<Datasource> datasources() {
        return settings.datasources();
    }

    public Optional<Datasource> datasource(String name) {
        return datasources().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    public Optional<Datasource> byJndiName(String jndiName) {
        return datasources().stream().filter(d -> jndiName.equals(d.jndiName())).findFirst();
    }

    public List<RegistryConfig.DbConfig> dbConfigs() {
        return registryFile.source().map(s -> new RegistryConfig(s).dbConfigs()).orElse(List.of());
    }

    public List<RegistryConfig.RemoteInstance> remoteInstances() {
        return registryFile.source().map(s -> new RegistryConfig(s).remoteInstances()).orElse(List.of());
    }

    public List<RegistryConfig.Mount> mounts() {
        return registryFile.source().map(s -> new RegistryConfig(s).mounts()).orElse(List.of());
    }

    /** Where an element of registry.xml stands. */
    public Located inRegistry(XmlElement element, String value) {
        return new Located(value, registryFile.path(), registryFile.source().map(s -> s.lineOf(element.start())).orElse(0));
    }

    /** The realm's {@code dataSource} property of user-mgt.xml. */
    public Located userStoreDataSource() {
        return userFile.text(userFile.source().flatMap(s -> new UserManagement(s).dataSource()));
    }
}
