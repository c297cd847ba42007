package io.github.wso2cluster.topology.input;

/** {@code <secureVault>} as written in the POM. */
public class SecureVaultInput {
    private String keystore;
    private String serverId;
    private String alias;
    private String algorithm;

    public String getKeystore() { return keystore; }
    public void setKeystore(String keystore) { this.keystore = keystore; }
    public String getServerId() { return serverId; }
    public void setServerId(String serverId) { this.serverId = serverId; }
    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
    public String getAlgorithm() { return algorithm; }
    public void setAlgorithm(String algorithm) { this.algorithm = algorithm; }

    @Override
    public String toString() {
        // No password here: the keystore's comes from settings.xml (serverId), never from the POM.
        return "SecureVault[keystore=" + keystore + ", serverId=" + serverId + ", alias=" + alias + ", algorithm="
                + algorithm + "]";
    }
}
