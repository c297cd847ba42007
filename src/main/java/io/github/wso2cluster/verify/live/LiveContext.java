package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a live check may use besides the nodes.
 *
 * @param work             a folder under {@code target/} the checks keep their files in (pid files, logs, jars)
 * @param timeout          how long the cluster may take to form
 * @param hazelcastVersion the {@code hazelcastVersion} parameter, or null to take the nodes' own
 * @param balancer         the load balancer's configuration this build generated, or null
 * @param noBalancer       why there is none (what the live load-balancer case then says)
 */
public record LiveContext(LiveEnvironment environment, Path work, Duration timeout, String hazelcastVersion,
                          BalancerFacts balancer, String noBalancer, Reporter reporter) {
}
