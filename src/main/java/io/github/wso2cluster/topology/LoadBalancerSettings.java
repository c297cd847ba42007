package io.github.wso2cluster.topology;

import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import java.util.Optional;

/** {@code <loadBalancer>}: checked against the settings it needs; problems go to the list. */
final class LoadBalancerSettings {
    private LoadBalancerSettings() {
    }

    /**
     * @param product the distribution's product, or null: deployment.toml products render no {@code jvmRoute}, so
     *                {@code route} is an error there and {@code hash} their default
     */
    static LoadBalancer loadBalancer(LoadBalancerInput in, String hostName, String mgtHostName, ProxyPorts proxyPorts,
                                     Product product, Problems problems) {
        if (in == null) {
            return null;
        }
        int before = problems.size();
        boolean toml = product != null && product.isToml();
        String affinityText = Settings.trimToNull(in.getSessionAffinity());
        Optional<SessionAffinity> affinity = affinityText == null ? Optional.of(toml ? SessionAffinity.HASH
                : SessionAffinity.ROUTE) : SessionAffinity.parse(affinityText);
        if (affinity.isEmpty()) {
            problems.add("loadBalancer/sessionAffinity: '" + affinityText + "' is unknown; use " + (toml
                    ? "hash (the default for deployment.toml products) or none" : "route (Tomcat jvmRoute, the default), hash or none"));
        } else if (toml && affinity.get() == SessionAffinity.ROUTE) {
            problems.add("loadBalancer/sessionAffinity: route needs catalina-server.xml's jvmRoute, which " + product.describe()
                    + " renders from deployment.toml without one, so no session would stay on its node; use hash (the"
                    + " default here) or none");
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
