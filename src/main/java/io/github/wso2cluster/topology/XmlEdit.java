package io.github.wso2cluster.topology;

/**
 * A validated xmlEdit.
 *
 * @param file      path relative to the distribution's top folder, with forward slashes
 * @param attribute the attribute to set, or null to set the element text
 */
public record XmlEdit(String file, String xpath, String attribute, String value) {
}
