package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One clustering domain on every node; the stock wso2.carbon.domain is suspicious. */
public final class DomainCheck implements Check {
    static final String STOCK_DOMAIN = "wso2.carbon.domain";

    @Override
    public String name() {
        return "domain";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            Located domain = node.settings().clustering(Setting.DOMAIN);
            if (node.settings().hasClustering() && domain.present()) {
                counts.merge(domain.value(), 1, Integer::sum);
            }
        }
        String usual = counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey).orElse(null);
        for (NodeFacts node : nodes) {
            if (!node.settings().hasClustering()) {
                continue;
            }
            Located domain = node.settings().clustering(Setting.DOMAIN);
            if (!domain.present() || domain.value().isBlank()) {
                findings.error(node, domain, "no clustering domain; set " + node.settings().locations()
                        .assignment(Setting.DOMAIN, usual == null ? "your.cluster.domain" : usual));
            } else if (counts.size() > 1 && !domain.value().equals(usual)) {
                findings.error(node, domain, "domain '" + domain.value() + "' differs from '" + usual
                        + "' on the other nodes: the nodes form separate clusters; use one domain everywhere");
            } else if (domain.value().equals(STOCK_DOMAIN)) {
                findings.warning(node, domain, "domain is the stock '" + STOCK_DOMAIN + "': any other untouched"
                        + " WSO2 server on the network joins this cluster; set a domain of your own");
            }
        }
    }
}
