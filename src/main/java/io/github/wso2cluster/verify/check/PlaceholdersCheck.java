package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.PlaceholderScan;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No build placeholder left unrendered where the cluster depends on its value. Real WSO2 zips ship some
 * unrendered ({@code ${childfirstCL}}, {@code ${jaxwsparam}}, {@code ${hotdeployment}}, {@code ${p2.repo.url}})
 * and Carbon runs with them: those are information, never a warning. Carbon fills in its own at run time
 * ({@code ${hostName}}, {@code ${httpsPort}}, {@code ${httpPort}}, {@code ${carbon.*}} system properties such as
 * carbon.home, {@code ${require.carbon.servlet}}, {@code ${product.*}} and {@code @product.*@}): those are not
 * reported at all.
 */
public final class PlaceholdersCheck implements Check {
    private static final Pattern CARBON_OWN = Pattern.compile(
            "\\$\\{(hostName|httpsPort|httpPort|carbon\\.[^}]+|product\\.[^}]+|require\\.carbon\\.servlet)}|@product\\.[^@]+@");

    @Override
    public String name() {
        return "placeholders";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            for (PlaceholderScan.Placeholder placeholder : PlaceholderScan.of(node)) {
                Located where = placeholder.where();
                if (CARBON_OWN.matcher(where.value()).matches()) {
                    continue;
                }
                if (placeholder.clusterValue()) {
                    findings.error(node, where, "the placeholder " + where.value() + " was never rendered, and the"
                            + " cluster depends on this value; Carbon does not fill it in: write the value (a POM"
                            + " setting, an xmlEdit, or an overlay of the file)");
                } else {
                    findings.info(node, where, "the placeholder " + where.value() + " is unrendered, as the"
                            + " distribution ships it; Carbon runs with it (no cluster setting depends on it)");
                }
            }
        }
    }
}
