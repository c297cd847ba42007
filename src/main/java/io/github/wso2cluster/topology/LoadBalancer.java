package io.github.wso2cluster.topology;

/**
 * The nginx load balancer in front of the cluster ({@code <loadBalancer>}), validated.
 *
 * @param hostName             the cluster's {@code hostName}: the workers' server name
 * @param mgtHostName          the cluster's {@code mgtHostName}: the managers' server name, or null (no management block)
 * @param sslCertificate       path on the load balancer host; null when there is no HTTPS proxy port
 * @param mgtSslCertificate    for {@code mgtHostName}; defaults to {@code sslCertificate}
 */
public record LoadBalancer(SessionAffinity sessionAffinity, String hostName, String mgtHostName,
                           String sslCertificate, String sslCertificateKey,
                           String mgtSslCertificate, String mgtSslCertificateKey) {
}
