package io.github.wso2cluster.topology.input;

/**
 * One {@code <secret>} of {@code <secrets>} as written in the POM: where the value goes (a deployment.toml
 * {@code key}, or a Carbon 4.x {@code file} and {@code xpath}) and the settings.xml server whose password it is.
 */
public class SecretInput {
    private String key;
    private String file;
    private String xpath;
    private String alias;
    private String serverId;

    public SecretInput() {
    }

    public SecretInput(String key, String serverId) {
        this.key = key;
        this.serverId = serverId;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getFile() { return file; }
    public void setFile(String file) { this.file = file; }
    public String getXpath() { return xpath; }
    public void setXpath(String xpath) { this.xpath = xpath; }
    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
    public String getServerId() { return serverId; }
    public void setServerId(String serverId) { this.serverId = serverId; }

    @Override
    public String toString() {
        return "Secret[key=" + key + ", file=" + file + ", xpath=" + xpath + ", alias=" + alias + ", serverId="
                + serverId + "]";
    }
}
