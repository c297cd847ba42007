package io.github.wso2cluster.product;

import java.util.List;

/**
 * deployment.toml keys that the distribution's own rules cannot tell are known. Micro Integrator reads some in its
 * Java code rather than through a template or JSON rule: its RDBMSCoordinationStrategy reads {@code [cluster_config]},
 * its TasksDSComponent {@code [task_handling]} and the first {@code [[task_resolver]]}. And its stock deployment.toml
 * (4.3.0) ships {@code [truststore] alias} and {@code algorithm}, which neither a template, a JSON rule nor its Java
 * code reads (checked in wso2/micro-integrator v4.3.0): a stock file is no finding, so they count as known.
 */
public final class CodeReadKeys {
    private static final List<String> MICRO_INTEGRATOR = List.of("cluster_config.", "task_handling.", "task_resolver.",
            "truststore.alias", "truststore.algorithm");

    private CodeReadKeys() {
    }

    public static boolean known(Product product, String key) {
        return product.line() == ProductLine.MICRO_INTEGRATOR
                && MICRO_INTEGRATOR.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k));
    }
}
