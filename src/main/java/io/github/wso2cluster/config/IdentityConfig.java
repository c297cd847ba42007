package io.github.wso2cluster.config;

import io.github.wso2cluster.product.ProductDatabase;
import java.util.Optional;

/**
 * identity.xml of Identity Server 5.0-5.8, the one place that knows where the identity database is named: the
 * {@code JDBCPersistenceManager}'s {@code DataSource/Name} (stock: {@code jdbc/WSO2CarbonDB}, each node's own H2).
 */
public final class IdentityConfig {
    private final XmlSource source;

    public IdentityConfig(XmlSource source) {
        this.source = source;
    }

    /** The JNDI name the identity components persist through. */
    public Optional<XmlElement> dataSourceName() {
        return source.root().child("JDBCPersistenceManager").flatMap(p -> p.child("DataSource"))
                .flatMap(d -> d.child("Name"));
    }

    /** Points the identity components at the shared identity datasource. */
    public void configure(XmlEditor editor) throws ConfigFileException {
        XmlElement name = dataSourceName().orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <JDBCPersistenceManager><DataSource><Name>; restore the stock identity.xml, or remove"
                + " databases/identity"));
        editor.setText(name, ProductDatabase.IDENTITY.jndiName());
    }
}
