package io.github.wso2cluster.topology.input;

/** {@code <registry>} or {@code <userStore>} of {@code <databases>}, as written in the POM. */
public class DatabaseInput {
    private String url;
    private String serverId;
    private String username;
    private String password;
    private String driverClassName;
    private String validationQuery;
    private String mountTarget;

    public DatabaseInput() {
    }

    public DatabaseInput(String url, String serverId) {
        this.url = url;
        this.serverId = serverId;
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getServerId() { return serverId; }
    public void setServerId(String serverId) { this.serverId = serverId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDriverClassName() { return driverClassName; }
    public void setDriverClassName(String driverClassName) { this.driverClassName = driverClassName; }
    public String getValidationQuery() { return validationQuery; }
    public void setValidationQuery(String validationQuery) { this.validationQuery = validationQuery; }
    public String getMountTarget() { return mountTarget; }
    public void setMountTarget(String mountTarget) { this.mountTarget = mountTarget; }

    @Override
    public String toString() {
        // Never the password: Maven prints parameter objects with -X.
        return "Database[url=" + io.github.wso2cluster.topology.database.JdbcUrlSafety.masked(url) + ", serverId=" + serverId + ", username=" + username + ", password="
                + (password == null ? "unset" : "******") + "]";
    }
}
