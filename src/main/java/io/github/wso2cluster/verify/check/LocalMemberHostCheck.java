package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Locale;

/** Every node advertises a real address: not empty, not loopback, not the wildcard. */
public final class LocalMemberHostCheck implements Check {
    @Override
    public String name() {
        return "local-member-host";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            if (!node.settings().hasClustering()) {
                continue;
            }
            Located host = node.settings().clustering(Setting.LOCAL_MEMBER_HOST);
            String name = node.settings().locations().name(Setting.LOCAL_MEMBER_HOST);
            String value = host.present() ? host.value().trim().toLowerCase(Locale.ROOT) : "";
            if (value.isEmpty()) {
                findings.error(node, host, name + " is empty; set the address other members reach this node on");
            } else if (value.equals("localhost") || value.startsWith("127.") || value.equals("::1")
                    || value.equals("0.0.0.0")) {
                findings.error(node, host, name + " is " + host.value().trim() + ", which other machines cannot"
                        + " reach; set this node's own network address");
            }
        }
    }
}
