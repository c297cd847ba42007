package io.github.wso2cluster.topology.input;

/** {@code <databases>} as written in the POM. */
public class DatabasesInput {
    private DatabaseInput registry;
    private DatabaseInput userStore;
    private String driver;

    public DatabaseInput getRegistry() { return registry; }
    public void setRegistry(DatabaseInput registry) { this.registry = registry; }
    public DatabaseInput getUserStore() { return userStore; }
    public void setUserStore(DatabaseInput userStore) { this.userStore = userStore; }
    public String getDriver() { return driver; }
    public void setDriver(String driver) { this.driver = driver; }

    @Override
    public String toString() {
        return "Databases[registry=" + registry + ", userStore=" + userStore + ", driver=" + driver + "]";
    }
}
