package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.input.LoadBalancerInput;
import java.util.Optional;

/** {@code <loadBalancer>}: checked against the settings it needs; problems go to the list. */
final class LoadBalancerSettings {
    private LoadBalancerSettings() {
    }

    static LoadBalancer loadBalancer(LoadBalancerInput in, String hostName, String mgtHostName, ProxyPorts proxyPorts,
                                     Problems problems) {
        if (in == null) {
            return null;
        }
        int before = problems.size();
        String affinityText = Settings.trimToNull(in.getSessionAffinity());
        Optional<SessionAffinity> affinity = affinityText == null ? Optional.of(SessionAffinity.ROUTE)
                : SessionAffinity.parse(affinityText);
        if (affinity.isEmpty()) {
            problems.add("loadBalancer/sessionAffinity: '" + affinityText + "' is unknown; use route (Tomcat jvmRoute,"
                    + " the default), hash or none");
        }
        if (hostName == null) {
            problems.add("loadBalancer: needs hostName (the name the workers are served under, e.g. as.wso2.com)");
        }
        if (proxyPorts == null) {
            problems.add("loadBalancer: needs proxyPorts (the ports nginx listens on, e.g. <http>80</http>"
                    + " <https>443</https>), so that the nodes' proxyPort and the balancer agree");
        }
        String certificate = Settings.trimToNull(in.getSslCertificate());
        String key = Settings.trimToNull(in.getSslCertificateKey());
        String mgtCertificate = Optional.ofNullable(Settings.trimToNull(in.getMgtSslCertificate())).orElse(certificate);
        String mgtKey = Optional.ofNullable(Settings.trimToNull(in.getMgtSslCertificateKey())).orElse(key);
        boolean https = proxyPorts != null && proxyPorts.https() != null;
        if (https && certificate == null) {
            problems.add("loadBalancer/sslCertificate: is required with proxyPorts/https (a path on the load balancer"
                    + " host, e.g. /etc/nginx/ssl/as.crt)");
        }
        if (https && key == null) {
            problems.add("loadBalancer/sslCertificateKey: is required with proxyPorts/https (a path on the load"
                    + " balancer host, e.g. /etc/nginx/ssl/as.key)");
        }
        if (mgtHostName != null && proxyPorts != null && !https) {
            problems.add("loadBalancer: mgtHostName needs proxyPorts/https (the management console is served over"
                    + " HTTPS only); add <https>443</https> to proxyPorts, or remove mgtHostName");
        }
        for (String[] path : new String[][] {{"sslCertificate", certificate}, {"sslCertificateKey", key},
                {"mgtSslCertificate", mgtCertificate}, {"mgtSslCertificateKey", mgtKey}}) {
            if (path[1] != null && !path[1].matches("[^\\s;{}\"'#$]+")) {
                problems.add("loadBalancer/" + path[0] + ": '" + path[1] + "' cannot be written into nginx's"
                        + " configuration (white space or one of ; { } \" ' # $); use a plain path");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new LoadBalancer(affinity.get(), hostName, mgtHostName, https ? certificate : null, https ? key : null,
                https ? mgtCertificate : null, https ? mgtKey : null);
    }
}
