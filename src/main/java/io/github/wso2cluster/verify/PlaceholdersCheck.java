package io.github.wso2cluster.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * No build-time placeholder left unrendered. Carbon fills in its own at run time: {@code ${hostName}},
 * {@code ${httpsPort}}, {@code ${httpPort}}, {@code ${carbon.*}} (system properties such as carbon.home),
 * {@code ${require.carbon.servlet}}, and the product-name ones {@code ${product.*}} and {@code @product.*@}.
 */
final class PlaceholdersCheck implements Check {
    private static final Pattern CARBON_OWN = Pattern.compile(
            "\\$\\{(hostName|httpsPort|httpPort|carbon\\.[^}]+|product\\.[^}]+|require\\.carbon\\.servlet)}|@product\\.[^@]+@");

    @Override
    public String name() {
        return "placeholders";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            for (Located placeholder : node.placeholders()) {
                if (!CARBON_OWN.matcher(placeholder.value()).matches()) {
                    findings.error(node, placeholder, "the placeholder " + placeholder.value() + " was never rendered;"
                            + " Carbon does not fill it in: write the value (an xmlEdit, or an overlay of the file)");
                }
            }
        }
    }
}
