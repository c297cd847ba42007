package io.github.wso2cluster.topology;

import java.util.List;

/** Every problem found in a cluster description, each naming the POM element it is about. */
public class InvalidTopologyException extends Exception {
    private final List<String> problems;

    public InvalidTopologyException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder text = new StringBuilder("The cluster description has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (nothing was written):");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
