package io.github.wso2cluster.archive;

import java.util.List;

/** Problems found while configuring the nodes, each naming the node and file; nothing was written. */
public class ClusterBuildException extends Exception {
    private final List<String> problems;

    public ClusterBuildException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder text = new StringBuilder("Configuring the nodes found ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (no node zip was written):");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
