package io.github.wso2cluster.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Every finding of every check on every node, and how to print them.
 *
 * @param checks  the checks that ran
 * @param skipped the checks the user chose not to run ({@code skipChecks})
 * @param live    the live check's one-line outcome, or null when it did not run
 */
public record VerifyResult(List<String> checks, List<String> skipped, List<NodeFacts> nodes, List<Finding> findings,
                           String live) {

    public VerifyResult {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
        nodes = List.copyOf(nodes);
        findings = List.copyOf(findings);
    }

    public VerifyResult(List<String> checks, List<NodeFacts> nodes, List<Finding> findings) {
        this(checks, List.of(), nodes, findings, null);
    }

    /** This result with the live check's findings and outcome added. */
    public VerifyResult withLive(LiveCluster.Outcome outcome) {
        List<String> allChecks = new ArrayList<>(checks);
        allChecks.add(LiveCluster.CHECK);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(outcome.findings());
        if (!outcome.formed() && outcome.findings().isEmpty()) {
            nodes.forEach(n -> all.add(new Finding(Severity.ERROR, LiveCluster.CHECK, n.name(), null, 0, outcome.summary())));
        }
        return new VerifyResult(allChecks, skipped, nodes, all, "live: " + outcome.summary());
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    private long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether the build fails: an error, or a warning with {@code failOnWarning}. */
    public boolean failed(boolean failOnWarning) {
        return findings.stream().anyMatch(f -> f.severity().fails(failOnWarning));
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
        if (!skipped.isEmpty()) {
            text.append("skipped (skipChecks): ").append(String.join(", ", skipped)).append('\n');
        }
        if (live != null) {
            text.append(live).append('\n');
        }
        for (NodeFacts node : nodes) {
            List<Finding> mine = of(node.name());
            text.append("node '").append(node.name()).append("' (").append(node.source()).append(")");
            boolean problems = mine.stream().anyMatch(f -> f.severity() != Severity.INFO);
            text.append(problems ? "\n" : ": every check passed\n");
            for (Finding finding : mine) {
                text.append("  ").append(label(finding.severity())).append(" [")
                        .append(finding.check()).append("] ").append(finding.located()).append('\n');
            }
        }
        return text.toString();
    }

    private static String label(Severity severity) {
        return switch (severity) {
            case ERROR -> "ERROR  ";
            case WARNING -> "WARNING";
            case INFO -> "INFO   ";
        };
    }
}
