package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.MasterDatasources;
import io.github.wso2cluster.config.RegistryConfig;
import io.github.wso2cluster.config.UserManagement;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node's database wiring, read through the same views configure-cluster edits with: master-datasources.xml,
 * registry.xml and user-mgt.xml, each value with its line. Files the node lacks give no values.
 */
public final class DatabaseFacts {
    private final FileValues datasourcesFile;
    private final FileValues registryFile;
    private final FileValues userFile;

    DatabaseFacts(FileValues datasources, FileValues registry, FileValues users) {
        this.datasourcesFile = datasources;
        this.registryFile = registry;
        this.userFile = users;
    }

    /** One datasource as verify-cluster sees it. */
    public record Datasource(String name, String jndiName, String url, String user, Located where,
                      MasterDatasources.Datasource view) {
        /** Each node's own embedded H2 database: never shared, whatever its name. */
        public boolean embedded() {
            return url == null || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
        }

        /**
         * A database the nodes share: any datasource on a real database server but the node's own
         * {@code WSO2_CARBON_DB} (its local registry, which must not be shared).
         */
        public boolean shared() {
            return !embedded() && !MasterDatasources.CARBON_DB.equals(name);
        }
    }

    public String datasourcesPath() {
        return datasourcesFile.path();
    }

    public String registryPath() {
        return registryFile.path();
    }

    public boolean hasRegistry() {
        return registryFile.source().isPresent();
    }

    public List<Datasource> datasources() {
        return datasourcesFile.source().map(source -> new MasterDatasources(source).datasources().stream()
                .map(d -> new Datasource(d.name(), d.jndiName(), d.url(), d.username(), at(datasourcesFile, d.element(), d.name()), d))
                .toList()).orElse(List.of());
    }

    public Optional<Datasource> datasource(String name) {
        return datasources().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    public Optional<Datasource> byJndiName(String jndiName) {
        return datasources().stream().filter(d -> jndiName.equals(d.jndiName())).findFirst();
    }

    /** The clear-text password of a datasource. A secret: only the live check uses it, never a report. */
    public String password(Datasource datasource) {
        return datasourcesFile.source().map(s -> new MasterDatasources(s).password(datasource.view())).orElse("");
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

    private static Located at(FileValues file, XmlElement element, String value) {
        XmlSource source = file.source().orElseThrow();
        return new Located(value, file.path(), source.lineOf(element.start()));
    }
}
