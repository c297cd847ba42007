package io.github.wso2cluster.topology;

import io.github.wso2cluster.ProblemList;
import java.util.List;

/** Every problem found in a cluster description, each naming the POM element it is about. */
public class InvalidTopologyException extends Exception {
    private final List<String> problems;

    public InvalidTopologyException(List<String> problems) {
        super(ProblemList.format("The cluster description", "has", "nothing was written", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
