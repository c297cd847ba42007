package io.github.wso2cluster.topology;

/**
 * The SVN deployment synchronizer settings. The password is a {@link Secret}, so printing this record
 * (its generated toString) never shows it.
 *
 * @param svnUser     null to leave carbon.xml's SvnUser as it is
 * @param svnPassword null to leave carbon.xml's SvnPassword as it is
 */
public record DeploymentSynchronizer(String svnUrl, String svnUser, Secret svnPassword, boolean appendTenantId) {
}
