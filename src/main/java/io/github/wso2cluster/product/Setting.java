package io.github.wso2cluster.product;

/**
 * The cluster settings configure-cluster writes and verify-cluster reads, whatever the file format: each format
 * says once where a setting stands ({@link Locations}), and every finding names that place in the file's own
 * terms.
 */
public enum Setting {
    CLUSTERING,
    CLUSTERING_ENABLED,
    MEMBERSHIP_SCHEME,
    DOMAIN,
    LOCAL_MEMBER_HOST,
    LOCAL_MEMBER_PORT,
    /** Hazelcast's group password (axis2.xml only; a secret). */
    GROUP_PASSWORD,
    MEMBERS,
    SUB_DOMAIN,
    DEPLOYMENT_SYNCHRONIZER,
    HOST_NAME,
    MGT_HOST_NAME,
    PORT_OFFSET,
    HTTP_CONNECTOR,
    HTTPS_CONNECTOR,
    HTTP_PORT,
    HTTPS_PORT,
    HTTP_PROXY_PORT,
    HTTPS_PROXY_PORT,
    JMX_REGISTRY_PORT,
    JMX_SERVER_PORT
}
