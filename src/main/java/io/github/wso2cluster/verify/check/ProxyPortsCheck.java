package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
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
            if (node.file(node.paths().catalina()).isEmpty()) {
                continue;
            }
            Located http = node.proxyPort(false);
            Located https = node.proxyPort(true);
            if (http.present() != https.present()) {
                Located missing = http.present() ? https : http;
                findings.error(node, missing, "proxyPort is set on the " + (http.present() ? "HTTP" : "HTTPS")
                        + " connector only; behind a load balancer set it on both (" + (http.present() ? "HTTPS" : "HTTP")
                        + " is missing), or redirects leak the node's own port");
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
