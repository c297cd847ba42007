package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;

/** Collects what one check finds; hands the check's name to every finding. */
public final class Findings {
    private final String check;
    private final List<Finding> all;

    public Findings(String check, List<Finding> all) {
        this.check = check;
        this.all = all;
    }

    public void error(NodeFacts node, Located where, String message) {
        add(Severity.ERROR, node, where, message);
    }

    public void warning(NodeFacts node, Located where, String message) {
        add(Severity.WARNING, node, where, message);
    }

    public void info(NodeFacts node, Located where, String message) {
        add(Severity.INFO, node, where, message);
    }

    public void error(NodeFacts node, String file, String message) {
        all.add(new Finding(Severity.ERROR, check, node.name(), file, 0, message));
    }

    private void add(Severity severity, NodeFacts node, Located where, String message) {
        all.add(new Finding(severity, check, node.name(), where == null ? null : where.file(),
                where == null ? 0 : where.line(), message));
    }
}
