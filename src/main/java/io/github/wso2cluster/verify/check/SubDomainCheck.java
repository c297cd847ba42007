package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.Role;
import java.util.List;
import java.util.Optional;

/** subDomain is mgt on managers and worker on workers. */
public final class SubDomainCheck implements Check {
    @Override
    public String name() {
        return "sub-domain";
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return SettingScope.notApplicable(nodes, Setting.SUB_DOMAIN);
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : SettingScope.having(nodes, Setting.SUB_DOMAIN)) {
            if (!node.settings().hasClustering()) {
                continue;
            }
            Located subDomain = node.settings().subDomain();
            Optional<Role> role = node.role();
            if (!subDomain.present() || subDomain.value().isBlank()) {
                findings.error(node, subDomain, "no subDomain property; add <property name=\"subDomain\" value=\""
                        + role.map(Role::defaultSubDomain).orElse("mgt or worker") + "\"/> to the properties parameter");
            } else if (node.roleDeclared() && role.isPresent() && !role.get().defaultSubDomain().equals(subDomain.value())) {
                findings.error(node, subDomain, "subDomain is '" + subDomain.value() + "' on a " + role.get().id()
                        + "; set it to '" + role.get().defaultSubDomain() + "'");
            } else if (!subDomain.value().equals("mgt") && !subDomain.value().equals("worker")) {
                findings.error(node, subDomain, "subDomain '" + subDomain.value() + "' is neither mgt nor worker;"
                        + " the load balancer routes by these two");
            }
        }
    }
}
