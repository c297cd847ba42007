package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.product.Locations;
import io.github.wso2cluster.product.Setting;
import java.util.List;
import java.util.Objects;

/** proxyPort on both connectors or on neither, and the same values on every node. */
public final class ProxyPortsCheck implements Check {
    @Override
    public String name() {
        return "proxy-ports";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        String referenceNode = null;
        String reference = null;
        for (NodeFacts node : nodes) {
            if (!node.settings().readable(Setting.HTTP_PROXY_PORT)) {
                continue;
            }
            Located http = node.settings().proxyPort(false);
            Located https = node.settings().proxyPort(true);
            if (http.present() != https.present()) {
                Located missing = http.present() ? https : http;
                Locations in = node.settings().locations();
                Setting set = http.present() ? Setting.HTTP_CONNECTOR : Setting.HTTPS_CONNECTOR;
                Setting unset = http.present() ? Setting.HTTPS_CONNECTOR : Setting.HTTP_CONNECTOR;
                findings.error(node, missing, "proxyPort is set on " + in.name(set) + " only; behind a load balancer set"
                        + " it on both (" + in.name(unset) + " has none), or redirects leak the node's own port");
            }
            String pair = http.value() + "/" + https.value();
            if (reference == null) {
                reference = pair;
                referenceNode = node.name();
            } else if (!Objects.equals(reference, pair)) {
                findings.error(node, http.present() ? http : https, "proxy ports (HTTP/HTTPS) are " + pair
                        + " but node '" + referenceNode + "' has " + reference + "; every node behind one load balancer"
                        + " needs the same");
            }
        }
    }
}
