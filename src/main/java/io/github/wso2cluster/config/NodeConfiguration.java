package io.github.wso2cluster.config;

import java.util.List;
import java.util.Map;

/**
 * What configuring one node produced, as paths relative to the distribution's top folder.
 *
 * @param replaced files whose content differs from the distribution's (edited config files)
 * @param added    files the distribution does not have ({@code cluster/node.properties}, {@code cluster/hosts})
 * @param ports    the node's web ports after its offset
 * @param changes  one line per change, for the debug log (never a secret)
 * @param warnings what the user should know about this node's result (file:line: what and why)
 * @param deploymentToml whether the node is a deployment.toml product (its settings went into deployment.toml)
 */
public record NodeConfiguration(Map<String, byte[]> replaced, Map<String, byte[]> added,
                                CatalinaServer.WebPorts ports, List<String> changes, List<String> warnings,
                                boolean deploymentToml) {
}
