package io.github.wso2cluster.verify;

import java.util.List;

/** axis2.xml, carbon.xml and catalina-server.xml are present and well-formed on every node. */
final class ConfigFilesReadableCheck implements Check {
    @Override
    public String name() {
        return "config-files";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            for (String[] problem : node.readProblems()) {
                if (problem[0] == null) {
                    findings.error(node, (String) null, "the node cannot be read: " + problem[1]);
                    continue;
                }
                String message = problem[1].startsWith(problem[0] + ": ") ? problem[1].substring(problem[0].length() + 2) : problem[1];
                findings.error(node, problem[0], message + "; every node needs this file, well-formed");
            }
        }
    }
}
