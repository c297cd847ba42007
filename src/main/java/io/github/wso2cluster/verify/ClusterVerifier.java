package io.github.wso2cluster.verify;

import java.util.ArrayList;
import java.util.List;

/** verify-cluster's core: runs every check over the nodes. */
public final class ClusterVerifier {
    private final List<Check> checks = List.of(
            new ConfigFilesReadableCheck(),
            new ClusteringEnabledCheck(),
            new DomainCheck(),
            new LocalMemberHostCheck(),
            new UniqueMembersCheck(),
            new MembersBlockCheck(),
            new WellKnownMembersCheck(),
            new SubDomainCheck(),
            new PortConflictCheck(),
            new DeploymentSynchronizerCheck(),
            new ProxyPortsCheck(),
            new PlaceholdersCheck());

    public VerifyResult verify(List<NodeFacts> nodes) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            check.run(nodes, new Findings(check.name(), findings));
        }
        return new VerifyResult(checks.stream().map(Check::name).toList(), nodes, findings);
    }
}
