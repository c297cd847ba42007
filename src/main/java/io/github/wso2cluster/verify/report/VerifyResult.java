package io.github.wso2cluster.verify.report;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every finding of every check on every node, and how to print them.
 *
 * @param checks  the checks that ran
 * @param skipped       the checks the user chose not to run ({@code skipChecks})
 * @param notApplicable the checks that do not apply to these nodes, each with why (skipped cases in the reports)
 * @param live          the live checks' one-line outcomes (empty when none ran)
 */
public record VerifyResult(List<String> checks, List<String> skipped, Map<String, String> notApplicable,
                           List<NodeFacts> nodes, List<Finding> findings, List<String> live) {

    public VerifyResult {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
        notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
        nodes = List.copyOf(nodes);
        findings = List.copyOf(findings);
        live = List.copyOf(live);
    }

    public VerifyResult(List<String> checks, List<NodeFacts> nodes, List<Finding> findings) {
        this(checks, List.of(), Map.of(), nodes, findings, List.of());
    }

    /** This result with a live check's findings and its one-line outcome (as the reports print it) added. */
    public VerifyResult withLive(String check, List<Finding> checkFindings, String line) {
        List<String> allChecks = new ArrayList<>(checks);
        allChecks.add(check);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(checkFindings);
        List<String> lines = new ArrayList<>(live);
        lines.add(line);
        return new VerifyResult(allChecks, skipped, notApplicable, nodes, all, lines);
    }

    /** This result with a live check that could not run here, and why (a skipped case, never a silent pass). */
    public VerifyResult withNotApplicable(String check, String reason) {
        Map<String, String> more = new LinkedHashMap<>(notApplicable);
        more.put(check, reason);
        List<String> lines = new ArrayList<>(live);
        lines.add(check + ": skipped, " + reason);
        return new VerifyResult(checks, skipped, more, nodes, findings, lines);
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
        text.append(products()).append('\n');
        if (!skipped.isEmpty()) {
            text.append("skipped (skipChecks): ").append(String.join(", ", skipped)).append('\n');
        }
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        notApplicable.forEach((check, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(check));
        byReason.forEach((reason, names) -> text.append("not applicable: ").append(String.join(", ", names))
                .append(" (").append(reason).append(")\n"));
        for (String line : live) {
            text.append(line).append('\n');
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

    /** What the nodes are: one product for all ({@code product: Identity Server 7.0.0 (deployment.toml)}), or each's. */
    public String products() {
        Map<String, List<String>> byProduct = new LinkedHashMap<>();
        nodes.forEach(n -> byProduct.computeIfAbsent(n.product().describe(), p -> new ArrayList<>()).add(n.name()));
        if (byProduct.size() <= 1) {
            return "product: " + (byProduct.isEmpty() ? "none" : byProduct.keySet().iterator().next());
        }
        List<String> parts = new ArrayList<>();
        byProduct.forEach((product, names) -> parts.add(product + " (" + String.join(", ", names) + ")"));
        return "products: " + String.join("; ", parts);
    }

    private static String label(Severity severity) {
        return switch (severity) {
            case ERROR -> "ERROR  ";
            case WARNING -> "WARNING";
            case INFO -> "INFO   ";
        };
    }
}
