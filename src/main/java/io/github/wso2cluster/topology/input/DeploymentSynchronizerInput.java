package io.github.wso2cluster.topology.input;

/** {@code <deploymentSynchronizer>} as written in the POM. */
public class DeploymentSynchronizerInput {
    private String svnUrl;
    private String serverId;
    private String svnUser;
    private String svnPassword;
    private String appendTenantId;

    public String getSvnUrl() { return svnUrl; }
    public void setSvnUrl(String svnUrl) { this.svnUrl = svnUrl; }
    public String getServerId() { return serverId; }
    public void setServerId(String serverId) { this.serverId = serverId; }
    public String getSvnUser() { return svnUser; }
    public void setSvnUser(String svnUser) { this.svnUser = svnUser; }
    public String getSvnPassword() { return svnPassword; }
    public void setSvnPassword(String svnPassword) { this.svnPassword = svnPassword; }
    public String getAppendTenantId() { return appendTenantId; }
    public void setAppendTenantId(String appendTenantId) { this.appendTenantId = appendTenantId; }

    @Override
    public String toString() {
        // Never the password: Maven prints parameter objects with -X.
        return "DeploymentSynchronizer[svnUrl=" + svnUrl + ", serverId=" + serverId + ", svnUser=" + svnUser
                + ", svnPassword=" + (svnPassword == null ? "unset" : "******") + "]";
    }
}
