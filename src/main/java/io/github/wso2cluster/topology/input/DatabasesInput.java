package io.github.wso2cluster.topology.input;

/** {@code <databases>} as written in the POM. */
public class DatabasesInput {
    private DatabaseInput registry;
    private DatabaseInput userStore;
    private String driver;
    private DatabaseInput identity;
    private DatabaseInput apim;
    private DatabaseInput coordination;
    private DatabaseInput bps;
    private DatabaseInput activiti;

    public DatabaseInput getRegistry() { return registry; }
    public void setRegistry(DatabaseInput registry) { this.registry = registry; }
    public DatabaseInput getUserStore() { return userStore; }
    public void setUserStore(DatabaseInput userStore) { this.userStore = userStore; }
    public String getDriver() { return driver; }
    public void setDriver(String driver) { this.driver = driver; }
    public DatabaseInput getIdentity() { return identity; }
    public void setIdentity(DatabaseInput identity) { this.identity = identity; }
    public DatabaseInput getApim() { return apim; }
    public void setApim(DatabaseInput apim) { this.apim = apim; }
    public DatabaseInput getCoordination() { return coordination; }
    public void setCoordination(DatabaseInput coordination) { this.coordination = coordination; }
    public DatabaseInput getBps() { return bps; }
    public void setBps(DatabaseInput bps) { this.bps = bps; }
    public DatabaseInput getActiviti() { return activiti; }
    public void setActiviti(DatabaseInput activiti) { this.activiti = activiti; }

    /** The input of a product database element, or null. */
    public DatabaseInput get(io.github.wso2cluster.product.ProductDatabase database) {
        return switch (database) {
            case IDENTITY -> identity;
            case APIM -> apim;
            case COORDINATION -> coordination;
            case BPS -> bps;
            case ACTIVITI -> activiti;
        };
    }

    @Override
    public String toString() {
        return "Databases[registry=" + registry + ", userStore=" + userStore + ", identity=" + identity + ", apim=" + apim
                + ", coordination=" + coordination + ", bps=" + bps + ", activiti=" + activiti + ", driver=" + driver + "]";
    }
}
