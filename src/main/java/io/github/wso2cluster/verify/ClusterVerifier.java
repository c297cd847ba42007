package io.github.wso2cluster.verify;

import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.verify.apim.ApimWiringCheck;
import io.github.wso2cluster.verify.check.Check;
import io.github.wso2cluster.verify.check.ClusteringEnabledCheck;
import io.github.wso2cluster.verify.check.ConfigFilesReadableCheck;
import io.github.wso2cluster.verify.check.DatasourcesCheck;
import io.github.wso2cluster.verify.check.DeploymentSynchronizerCheck;
import io.github.wso2cluster.verify.check.DomainCheck;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Findings;
import io.github.wso2cluster.verify.check.LoadBalancerCheck;
import io.github.wso2cluster.verify.check.LocalMemberHostCheck;
import io.github.wso2cluster.verify.check.LocalRegistryCheck;
import io.github.wso2cluster.verify.check.MembersBlockCheck;
import io.github.wso2cluster.verify.check.KeystoresCheck;
import io.github.wso2cluster.verify.check.PlaceholdersCheck;
import io.github.wso2cluster.verify.check.SecretsCheck;
import io.github.wso2cluster.verify.check.PortConflictCheck;
import io.github.wso2cluster.verify.check.ProxyPortsCheck;
import io.github.wso2cluster.verify.check.RegistryMountsCheck;
import io.github.wso2cluster.verify.check.SharedStateCheck;
import io.github.wso2cluster.verify.check.NodeIdsCheck;
import io.github.wso2cluster.verify.check.TaskNodesCheck;
import io.github.wso2cluster.verify.check.SubDomainCheck;
import io.github.wso2cluster.verify.check.TomlKeysCheck;
import io.github.wso2cluster.verify.check.UniqueMembersCheck;
import io.github.wso2cluster.verify.check.UserStoreCheck;
import io.github.wso2cluster.verify.check.WellKnownMembersCheck;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.live.LiveDatabases;
import io.github.wso2cluster.verify.live.LiveLoadBalancer;
import io.github.wso2cluster.verify.report.VerifyResult;
import io.github.wso2cluster.topology.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** verify-cluster's core: runs every check over the nodes, but those the user skips. */
public final class ClusterVerifier {
    /** Why the Hazelcast checks do not apply to Micro Integrator nodes. */
    public static final String NO_HAZELCAST = "Micro Integrator clusters through RDBMS coordination"
            + " (WSO2_COORDINATION_DB), not Hazelcast: it has no [clustering] to check";
    public static final String NO_HAZELCAST_APIM = "API Manager 3.x/4.x runs without Hazelcast unless [clustering]"
            + " membership_scheme is set (WSO2 enables it only for distributed throttling and immediate token"
            + " revocation): there is no [clustering] to check";

    /** Why the Hazelcast checks do not apply to these nodes (none clusters through it). */
    public static String noHazelcast(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(n -> ApimProfiles.applies(n.product())) ? NO_HAZELCAST_APIM : NO_HAZELCAST;
    }
    /** The checks of Hazelcast membership: they run on the nodes of products that cluster through it. */
    private static final Set<String> HAZELCAST_CHECKS = Set.of("clustering-enabled", "domain", "local-member-host",
            "unique-member-address", "members-block", "well-known-members", "sub-domain");
    /** Micro Integrator's own checks: listed (run, or not applicable) only for clusters that have an MI node. */
    private static final Set<String> MICRO_INTEGRATOR_CHECKS = Set.of("node-ids", "task-nodes");
    private final List<Check> checks;

    public ClusterVerifier() {
        this(null);
    }

    /** @param balancer the load balancer's generated configuration, or null (the load-balancer check does not apply) */
    public ClusterVerifier(BalancerFacts balancer) {
        this(balancer, null);
    }

    /**
     * @param vaultedKeystorePassword the password of keystores whose configured password is behind the secure vault
     *                                (the project's {@code <secureVault><serverId>}), or null
     */
    public ClusterVerifier(BalancerFacts balancer, Secret vaultedKeystorePassword) {
        checks = List.of(
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
            new DatasourcesCheck(),
            new RegistryMountsCheck(),
            new UserStoreCheck(),
            new LocalRegistryCheck(),
            new SharedStateCheck(),
            new NodeIdsCheck(),
            new TaskNodesCheck(),
            new LoadBalancerCheck(balancer),
            new TomlKeysCheck(),
            new ApimWiringCheck(),
            new PlaceholdersCheck(),
            new SecretsCheck(),
            new KeystoresCheck(vaultedKeystorePassword));
    }

    /** Every check name {@code skipChecks} accepts: the static checks and the live one. */
    public List<String> checkNames() {
        return Stream.concat(checks.stream().map(Check::name), Stream.of(LiveCluster.CHECK, LiveDatabases.CHECK, LiveLoadBalancer.CHECK)).toList();
    }

    /**
     * The names in {@code skip} that name no check, so the caller can refuse them (a misspelt name would
     * otherwise silently run the check it meant to skip).
     */
    public List<String> unknown(Collection<String> skip) {
        List<String> known = checkNames();
        return skip.stream().filter(name -> !known.contains(name)).toList();
    }

    /**
     * The nodes the Hazelcast checks run on: every node of a product that clusters through it; API Manager 3.x/4.x
     * nodes only when one of them sets membership_scheme (then a node that lost it is a finding).
     */
    private static List<NodeFacts> hazelcast(List<NodeFacts> nodes) {
        boolean apimClustered = nodes.stream().anyMatch(n -> ApimProfiles.applies(n.product()) && n.hazelcast());
        return nodes.stream().filter(n -> n.product().hazelcast() && (!ApimProfiles.applies(n.product()) || apimClustered))
                .toList();
    }

    public VerifyResult verify(List<NodeFacts> nodes) {
        return verify(nodes, Set.of());
    }

    public VerifyResult verify(List<NodeFacts> nodes, Set<String> skip) {
        List<Finding> findings = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Map<String, String> notApplicable = new LinkedHashMap<>();
        List<NodeFacts> hazelcast = hazelcast(nodes);
        for (Check check : checks) {
            if (skip.contains(check.name()) || MICRO_INTEGRATOR_CHECKS.contains(check.name()) && hazelcast.size() == nodes.size()) {
                continue;
            }
            List<NodeFacts> scope = HAZELCAST_CHECKS.contains(check.name()) ? hazelcast : nodes;
            Optional<String> reason = scope.isEmpty() && !nodes.isEmpty() ? Optional.of(noHazelcast(nodes))
                    : check.notApplicable(scope);
            if (reason.isPresent() && check instanceof Check.Conditional) {
                continue;
            }
            if (reason.isPresent()) {
                notApplicable.put(check.name(), reason.get());
            } else {
                check.run(scope, new Findings(check.name(), findings));
                ran.add(check.name());
            }
        }
        List<String> skipped = checkNames().stream().filter(skip::contains).toList();
        return new VerifyResult(ran, skipped, notApplicable, nodes, findings, List.of());
    }
}
