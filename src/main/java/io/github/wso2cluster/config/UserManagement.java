package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.database.Databases;
import java.util.List;
import java.util.Optional;

/**
 * user-mgt.xml, the one place that knows where the user store's database is named: the realm's
 * {@code <Property name="dataSource">} under {@code Realm/Configuration}.
 */
public final class UserManagement {
    private final XmlSource source;

    public UserManagement(XmlSource source) {
        this.source = source;
    }

    /** The realm's {@code dataSource} property. */
    public Optional<XmlElement> dataSource() {
        return source.root().child("Realm").flatMap(r -> r.child("Configuration"))
                .flatMap(c -> c.child("Property", "name", "dataSource"));
    }

    /** Points the realm at the shared user store datasource. */
    public void configure(XmlEditor editor) throws ConfigFileException {
        XmlElement property = dataSource().orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <Property name=\"dataSource\"> under <Realm>/<Configuration>; restore the stock realm"
                + " configuration, or remove databases/userStore"));
        editor.setText(property, Databases.USER_JNDI);
    }

    public List<XmlElement> clusterValues() {
        return dataSource().stream().toList();
    }
}
