package io.github.wso2cluster.settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.product.Located;
import org.junit.jupiter.api.Test;

/** Which datasources a cluster shares: an H2 server is shared, each node's embedded H2 and local registry are not. */
class DatasourceTest {
    private static Datasource named(String name, String url) {
        return new Datasource(name, "jdbc/" + name, url, "u", "org.h2.Driver", new Located(name, "f", 1), null, false);
    }

    @Test
    void embeddedH2IsNodeLocalAndAnH2ServerIsShared() {
        for (String url : new String[] {"jdbc:h2:./repository/database/WSO2SHARED_DB", "jdbc:h2:file:/tmp/x",
                "jdbc:h2:mem:x", "jdbc:h2:~/x", null}) {
            assertTrue(named("WSO2_SHARED_DB", url).embedded(), String.valueOf(url));
            assertFalse(named("WSO2_SHARED_DB", url).shared(), String.valueOf(url));
        }
        for (String url : new String[] {"jdbc:h2:tcp://db.example.com/~/shared", "jdbc:h2:ssl://db.example.com/shared",
                "jdbc:mysql://db.example.com:3306/shared"}) {
            assertFalse(named("WSO2_SHARED_DB", url).embedded(), url);
            assertTrue(named("WSO2_SHARED_DB", url).shared(), url);
        }
        assertFalse(named(Datasource.CARBON_DB, "jdbc:mysql://db.example.com:3306/local").shared(),
                "each node's local registry stays its own");
    }
}
