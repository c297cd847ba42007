package io.github.wso2cluster.verify;

import java.util.List;

/**
 * Every finding of every check on every node, and how to print them.
 *
 * @param live the live check's one-line outcome, or null when it did not run
 */
public record VerifyResult(List<String> checks, List<NodeFacts> nodes, List<Finding> findings, String live) {

    public VerifyResult {
        checks = List.copyOf(checks);
        nodes = List.copyOf(nodes);
        findings = List.copyOf(findings);
    }

    public VerifyResult(List<String> checks, List<NodeFacts> nodes, List<Finding> findings) {
        this(checks, nodes, findings, null);
    }

    /** This result with the live check's findings and outcome added. */
    public VerifyResult withLive(LiveCluster.Outcome outcome) {
        List<String> allChecks = new java.util.ArrayList<>(checks);
        allChecks.add(LiveCluster.CHECK);
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(outcome.findings());
        if (!outcome.formed() && outcome.findings().isEmpty()) {
            nodes.forEach(n -> all.add(new Finding(Severity.ERROR, LiveCluster.CHECK, n.name(), null, 0, outcome.summary())));
        }
        return new VerifyResult(allChecks, nodes, all, "live: " + outcome.summary());
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public List<Finding> of(String node) {
        return findings.stream().filter(f -> f.node().equals(node)).toList();
    }

    public List<Finding> of(String node, String check) {
        return findings.stream().filter(f -> f.node().equals(node) && f.check().equals(check)).toList();
    }

    /** The findings grouped by node: what the build failure and verify-cluster.txt say. */
    public String text() {
        StringBuilder text = new StringBuilder("verify-cluster: ").append(nodes.size()).append(nodes.size() == 1 ? " node, " : " nodes, ")
                .append(checks.size()).append(" checks: ").append(errors()).append(errors() == 1 ? " error, " : " errors, ")
                .append(warnings()).append(warnings() == 1 ? " warning" : " warnings").append('\n');
        if (live != null) {
            text.append(live).append('\n');
        }
        for (NodeFacts node : nodes) {
            List<Finding> mine = of(node.name());
            text.append("node '").append(node.name()).append("' (").append(node.source()).append(")");
            if (mine.isEmpty()) {
                text.append(": every check passed\n");
                continue;
            }
            text.append('\n');
            for (Finding finding : mine) {
                text.append("  ").append(finding.severity() == Severity.ERROR ? "ERROR  " : "WARNING").append(" [")
                        .append(finding.check()).append("] ").append(finding.located()).append('\n');
            }
        }
        return text.toString();
    }
}
