package io.github.wso2cluster.verify;

import java.util.List;

/** One independent check over the finished nodes. */
public interface Check {
    /** Stable name, used as the test-case name in the JUnit report. */
    String name();

    /** Examines the nodes and reports what is wrong on each, naming file and line where there is one. */
    void run(List<NodeFacts> nodes, Findings findings);
}
