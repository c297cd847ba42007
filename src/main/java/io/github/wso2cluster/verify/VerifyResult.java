package io.github.wso2cluster.verify;

import java.util.List;

/** Every finding of every check on every node, and how to print them. */
public record VerifyResult(List<String> checks, List<NodeFacts> nodes, List<Finding> findings) {

    public VerifyResult {
        checks = List.copyOf(checks);
        nodes = List.copyOf(nodes);
        findings = List.copyOf(findings);
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
