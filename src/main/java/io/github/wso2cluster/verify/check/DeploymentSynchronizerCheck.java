package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The SVN deployment synchronizer: on everywhere or nowhere, one URL, exactly one committer and it is a
 * manager (two committers conflict in SVN; further managers only check out, like workers), every node checks
 * out, and values exactly true/false.
 */
public final class DeploymentSynchronizerCheck implements Check {
    private static final List<String> FLAGS = List.of(CarbonServer.ENABLED, CarbonServer.AUTO_COMMIT,
            CarbonServer.AUTO_CHECKOUT, CarbonServer.SVN_URL_APPEND_TENANT_ID);

    @Override
    public String name() {
        return "deployment-synchronizer";
    }

    @Override
    public java.util.Optional<String> notApplicable(List<NodeFacts> nodes) {
        return SettingScope.notApplicable(nodes, Setting.DEPLOYMENT_SYNCHRONIZER);
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        List<NodeFacts> enabled = new ArrayList<>();
        List<NodeFacts> disabled = new ArrayList<>();
        for (NodeFacts node : SettingScope.having(nodes, Setting.DEPLOYMENT_SYNCHRONIZER)) {
            if (!node.settings().readable(Setting.DEPLOYMENT_SYNCHRONIZER)) {
                continue;
            }
            for (String flag : FLAGS) {
                Located value = node.settings().synchronizer(flag);
                if (value.present() && !value.value().equals("true") && !value.value().equals("false")) {
                    findings.error(node, value, "DeploymentSynchronizer/" + flag + " is '" + value.value()
                            + "'; Carbon reads only true or false");
                }
            }
            (("true".equals(node.settings().synchronizer(CarbonServer.ENABLED).value())) ? enabled : disabled).add(node);
        }
        if (enabled.isEmpty()) {
            return; // not used by this cluster: nothing to keep consistent
        }
        for (NodeFacts node : disabled) {
            findings.error(node, node.settings().synchronizer(CarbonServer.ENABLED), "the deployment synchronizer is off here but on for "
                    + names(enabled) + "; this node will not get deployments: set Enabled to true");
        }
        String url = enabled.get(0).settings().synchronizer(CarbonServer.SVN_URL).value();
        List<String> committers = new ArrayList<>();
        for (NodeFacts node : enabled) {
            Located nodeUrl = node.settings().synchronizer(CarbonServer.SVN_URL);
            if (url != null && !url.equals(nodeUrl.value())) {
                findings.error(node, nodeUrl, "SvnUrl '" + nodeUrl.value() + "' differs from node '"
                        + enabled.get(0).name() + "''s '" + url + "'; all nodes must sync one repository");
            }
            Role role = node.role().orElse(null);
            Located commit = node.settings().synchronizer(CarbonServer.AUTO_COMMIT);
            if ("true".equals(commit.value())) {
                committers.add(node.name());
                if (role == Role.WORKER) {
                    findings.error(node, commit, "a worker with AutoCommit true commits to SVN and conflicts with the"
                            + " manager; set AutoCommit to false on workers");
                }
            }
            Located checkout = node.settings().synchronizer(CarbonServer.AUTO_CHECKOUT);
            if (!"true".equals(checkout.value())) {
                findings.error(node, checkout, "AutoCheckout is " + checkout.value() + "; set it to true on every node");
            }
        }
        if (committers.size() > 1) {
            for (NodeFacts node : enabled) {
                if (committers.contains(node.name())) {
                    findings.error(node, node.settings().synchronizer(CarbonServer.AUTO_COMMIT), "more than one node commits to SVN ("
                            + String.join(", ", committers) + "); keep exactly one committer, the first manager, and"
                            + " set AutoCommit to false on every other node");
                }
            }
        }
        if (committers.isEmpty()) {
            NodeFacts manager = enabled.stream().filter(n -> n.role().orElse(null) == Role.MANAGER).findFirst()
                    .orElse(enabled.get(0));
            findings.error(manager, manager.settings().synchronizer(CarbonServer.AUTO_COMMIT), "no node commits to SVN, so deployments never reach"
                    + " the other nodes; set AutoCommit to true on exactly one manager");
        }
    }

    private static String names(List<NodeFacts> nodes) {
        return nodes.stream().map(NodeFacts::name).toList().toString();
    }
}
