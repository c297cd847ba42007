/**
 * The cluster description exactly as the POM gives it, bound by Maven. These classes live alone in this
 * package on purpose: Maven maps a nested element such as {@code <xmlEdit>} to a class of that name in the
 * enclosing class's package before it looks at the list's generic type, so a validated-model class named
 * {@code XmlEdit} beside {@code NodeInput} would capture it.
 */
package io.github.wso2cluster.topology.input;
