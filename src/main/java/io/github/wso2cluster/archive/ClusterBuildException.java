package io.github.wso2cluster.archive;

import io.github.wso2cluster.ProblemList;
import java.util.List;

/** Problems found while configuring the nodes, each naming the node and file; nothing was written. */
public class ClusterBuildException extends Exception {
    private final List<String> problems;

    public ClusterBuildException(List<String> problems) {
        super(ProblemList.format("Configuring the nodes", "found", "no node zip was written", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
