package io.github.wso2cluster.tree;

import io.github.wso2cluster.product.ConfigPaths;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one rule for a WSO2 tree's top folder, for zips and folders alike: a tree whose own root holds a
 * configuration directory ({@code repository/conf}, {@code conf}, the one the user names) or a node's
 * {@code cluster/} folder has none; otherwise it is the one first-level folder that holds one. A distribution
 * zip must, in addition, hold nothing beside its top folder (checked where it is opened).
 */
public final class TopFolder {
    private TopFolder() {
    }

    /**
     * @param folders       the tree's first-level folder names
     * @param exists        whether a path (relative to the tree's root, {@code /}-separated) exists
     * @param confDirectory the configuration directory the user names, or null
     * @return the top folder's name, "" for none, or empty when no single folder qualifies
     */
    public static Optional<String> find(Collection<String> folders, Predicate<String> exists, String confDirectory) {
        if (holdsNode("", exists, confDirectory)) {
            return Optional.of("");
        }
        List<String> tops = folders.stream().filter(f -> holdsNode(f + "/", exists, confDirectory)).toList();
        return tops.size() == 1 ? Optional.of(tops.get(0)) : Optional.empty();
    }

    private static boolean holdsNode(String prefix, Predicate<String> exists, String confDirectory) {
        return exists.test(prefix + ConfigPaths.REPOSITORY_CONF) || exists.test(prefix + ConfigPaths.CONF)
                || exists.test(prefix + "cluster") || (confDirectory != null && !confDirectory.isBlank()
                && exists.test(prefix + confDirectory.trim()));
    }
}
