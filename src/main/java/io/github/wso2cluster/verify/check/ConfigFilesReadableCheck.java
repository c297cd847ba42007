package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;

/** axis2.xml, carbon.xml and catalina-server.xml (or deployment.toml) are present and well-formed on every node. */
public final class ConfigFilesReadableCheck implements Check {
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
                java.util.regex.Matcher at = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(problem[0])
                        + ":(\\d+):(\\d+): (.*)", java.util.regex.Pattern.DOTALL).matcher(problem[1]);
                if (at.matches()) {
                    // A TOML syntax error: file and line in the location, the column in the message.
                    findings.error(node, new Located(null, problem[0], Integer.parseInt(at.group(1))), "column " + at.group(2)
                            + ": " + at.group(3) + "; the server refuses to start with it: fix the file");
                    continue;
                }
                String message = problem[1].startsWith(problem[0] + ": ") ? problem[1].substring(problem[0].length() + 2) : problem[1];
                findings.error(node, problem[0], message + "; every node needs this file, well-formed");
            }
        }
    }
}
