package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Optional;

/** One independent check over the finished nodes. */
public interface Check {
    /** Stable name, used as the test-case name in the JUnit report. */
    String name();

    /**
     * Why this check does not apply to these nodes (its case is then skipped, saying so), or empty when it does.
     */
    default Optional<String> notApplicable(List<NodeFacts> nodes) {
        return Optional.empty();
    }

    /**
     * A check that has no case at all where it does not apply (the secure vault, keystores: real nodes always hold
     * keystores, the tests' synthetic distributions do not), instead of a skipped one.
     */
    interface Conditional {
    }

    /** Examines the nodes and reports what is wrong on each, naming file and line where there is one. */
    void run(List<NodeFacts> nodes, Findings findings);
}
