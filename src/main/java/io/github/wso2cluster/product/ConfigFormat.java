package io.github.wso2cluster.product;

/** How a product keeps its configuration, and so where configure-cluster writes and verify-cluster reads. */
public enum ConfigFormat {
    /** Carbon 4.x: axis2.xml, carbon.xml, catalina-server.xml and the datasources, edited in place. */
    XML(new XmlLocations()),
    /** Kernel 4.5 and later: {@code <conf>/deployment.toml}, from which the server renders its XML at every start. */
    TOML(new TomlLocations());

    private final Locations locations;

    ConfigFormat(Locations locations) {
        this.locations = locations;
    }

    public Locations locations() {
        return locations;
    }
}
