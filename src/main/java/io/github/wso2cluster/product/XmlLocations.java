package io.github.wso2cluster.product;

import java.util.Optional;

/**
 * Where Carbon 4.x keeps the cluster settings: axis2.xml's {@code <clustering>}, carbon.xml, catalina-server.xml.
 * The element paths themselves are spelt in the config views (Axis2Clustering, CarbonServer, CatalinaServer); this
 * is how findings name them.
 */
final class XmlLocations implements Locations {
    @Override
    public String name(Setting setting) {
        return switch (setting) {
            case CLUSTERING -> "<clustering>";
            case CLUSTERING_ENABLED -> "enable on <clustering>";
            case MEMBERSHIP_SCHEME -> "membershipScheme";
            case DOMAIN -> "domain";
            case LOCAL_MEMBER_HOST -> "localMemberHost";
            case LOCAL_MEMBER_PORT -> "localMemberPort";
            case GROUP_PASSWORD -> "groupPassword";
            case MEMBERS -> "<members>";
            case SUB_DOMAIN -> "subDomain";
            case DEPLOYMENT_SYNCHRONIZER -> "<DeploymentSynchronizer>";
            case HOST_NAME -> "<HostName>";
            case MGT_HOST_NAME -> "<MgtHostName>";
            case PORT_OFFSET -> "Ports/Offset";
            case HTTP_CONNECTOR -> "the HTTP connector";
            case HTTPS_CONNECTOR -> "the HTTPS connector";
            case HTTP_PORT -> "port on the HTTP connector";
            case HTTPS_PORT -> "port on the HTTPS connector";
            case HTTP_PROXY_PORT -> "proxyPort on the HTTP connector";
            case HTTPS_PROXY_PORT -> "proxyPort on the HTTPS connector";
            case JMX_REGISTRY_PORT -> "Ports/JMX/RMIRegistryPort";
            case JMX_SERVER_PORT -> "Ports/JMX/RMIServerPort";
        };
    }

    @Override
    public String assignment(Setting setting, String value) {
        return switch (setting) {
            case CLUSTERING_ENABLED -> "enable=\"" + value + "\" on <clustering>";
            case MEMBERSHIP_SCHEME, DOMAIN, LOCAL_MEMBER_HOST, LOCAL_MEMBER_PORT, GROUP_PASSWORD ->
                    "<parameter name=\"" + name(setting) + "\">" + value + "</parameter>";
            case SUB_DOMAIN -> "<property name=\"subDomain\" value=\"" + value + "\"/>";
            case HOST_NAME -> "<HostName>" + value + "</HostName>";
            case MGT_HOST_NAME -> "<MgtHostName>" + value + "</MgtHostName>";
            default -> name(setting) + " " + value;
        };
    }

    @Override
    public String state(Setting setting, Located value) {
        if (setting == Setting.CLUSTERING_ENABLED) {
            return value.present() ? "enable=\"" + value.value() + "\"" : "no enable attribute";
        }
        return Locations.super.state(setting, value);
    }

    @Override
    public Optional<String> absence(Setting setting) {
        return Optional.empty();
    }
}
