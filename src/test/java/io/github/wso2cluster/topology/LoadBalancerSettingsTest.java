package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code <loadBalancer>}: defaults, and what it needs, each named. */
class LoadBalancerSettingsTest {
    private static ClusterInput input() {
        ClusterInput input = Fixtures.referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.loadBalancer = new LoadBalancerInput();
        input.loadBalancer.setSslCertificate("/etc/nginx/ssl/as.crt");
        input.loadBalancer.setSslCertificateKey("/etc/nginx/ssl/as.key");
        return input;
    }

    @Test
    void routeIsTheDefaultAndTheManagementCertificateDefaultsToTheMainOne() throws Exception {
        LoadBalancer balancer = new TopologyValidator(CredentialSource.NONE).validate(input()).loadBalancer();
        assertEquals(SessionAffinity.ROUTE, balancer.sessionAffinity());
        assertEquals("as.wso2.com", balancer.hostName());
        assertEquals("mgt.as.wso2.com", balancer.mgtHostName());
        assertEquals("/etc/nginx/ssl/as.crt", balancer.mgtSslCertificate());
        assertEquals("/etc/nginx/ssl/as.key", balancer.mgtSslCertificateKey());
    }

    @Test
    void whatTheBalancerNeedsIsListedTogether() {
        ClusterInput input = input();
        input.hostName = null;
        input.loadBalancer.setSessionAffinity("sticky");
        input.loadBalancer.setSslCertificate(null);
        input.loadBalancer.setSslCertificateKey("/etc/nginx/ssl/a key;");
        List<String> problems = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(CredentialSource.NONE).validate(input)).problems();
        assertEquals(List.of(
                "loadBalancer/sessionAffinity: 'sticky' is unknown; use route (Tomcat jvmRoute, the default), hash or none",
                "loadBalancer: needs hostName (the name the workers are served under, e.g. as.wso2.com)",
                "loadBalancer/sslCertificate: is required with proxyPorts/https (a path on the load balancer host, e.g."
                        + " /etc/nginx/ssl/as.crt)",
                "loadBalancer/sslCertificateKey: '/etc/nginx/ssl/a key;' cannot be written into nginx's configuration (white"
                        + " space or one of ; { } \" ' # $); use a plain path",
                "loadBalancer/mgtSslCertificateKey: '/etc/nginx/ssl/a key;' cannot be written into nginx's configuration"
                        + " (white space or one of ; { } \" ' # $); use a plain path"), problems);
    }

    @Test
    void noProxyPortsOrAManagementHostWithoutHttpsAreProblems() {
        ClusterInput noPorts = input();
        noPorts.proxyPorts = null;
        assertEquals(List.of("loadBalancer: needs proxyPorts (the ports nginx listens on, e.g. <http>80</http>"
                + " <https>443</https>), so that the nodes' proxyPort and the balancer agree"),
                assertThrows(InvalidTopologyException.class, () -> new TopologyValidator(CredentialSource.NONE).validate(noPorts)).problems());
        ClusterInput httpOnly = input();
        httpOnly.proxyPorts = new ProxyPortsInput("80", null);
        assertEquals(List.of("loadBalancer: mgtHostName needs proxyPorts/https (the management console is served over HTTPS"
                + " only); add <https>443</https> to proxyPorts, or remove mgtHostName"),
                assertThrows(InvalidTopologyException.class, () -> new TopologyValidator(CredentialSource.NONE).validate(httpOnly)).problems());
    }

    @Test
    void aHostNameThatWouldAddAnNginxDirectiveIsRefusedOnceByName() {
        ClusterInput input = input();
        input.hostName = "as.wso2.com; listen 8081";
        input.mgtHostName = "mgt.as.wso2.com\"";
        assertEquals(List.of("hostName: 'as.wso2.com; listen 8081' is not a host name (RFC 1123: letters, digits and '-' in"
                        + " dot-separated labels, e.g. as.wso2.com) or an IP address ([fd00::1] for IPv6); it goes into nginx's"
                        + " server_name and carbon.xml",
                "mgtHostName: 'mgt.as.wso2.com\"' is not a host name (RFC 1123: letters, digits and '-' in dot-separated"
                        + " labels, e.g. as.wso2.com) or an IP address ([fd00::1] for IPv6); it goes into nginx's server_name and"
                        + " carbon.xml"),
                assertThrows(InvalidTopologyException.class, () -> new TopologyValidator(CredentialSource.NONE).validate(input)).problems());
    }
}
