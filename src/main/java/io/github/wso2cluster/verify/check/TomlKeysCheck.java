package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.CodeReadKeys;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.TomlKeys;
import io.github.wso2cluster.config.TomlSource;
import java.util.List;
import java.util.Optional;

/**
 * deployment.toml keys that no rule of the product reads: WSO2 ignores them silently, so a misspelt or misplaced
 * key (the known trap {@code [transport.https] proxyPort} instead of {@code [transport.https.properties]}) leaves
 * the setting at its default with no word. Known keys come from the distribution's own templates and JSON rules
 * ({@link TomlKeys}); a stock deployment.toml has none unknown.
 */
public final class TomlKeysCheck implements Check {
    static final String NAME = "toml-keys";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(NodeFacts::isToml) ? Optional.empty()
                : Optional.of("no node is a deployment.toml product (kernel 4.5 and later)");
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            Optional<TomlSource> toml = node.toml();
            if (toml.isEmpty()) {
                continue; // not a deployment.toml product, or its file does not parse (config-files says so)
            }
            TomlSource source = toml.get();
            TomlKeys keys = TomlKeys.of(node.tomlRules());
            if (keys.isEmpty()) {
                findings.warning(node, new Located(null, source.fileName(), 0), "the node has no "
                        + node.paths().templates() + "/**/*.j2 to check the keys against; the keys were not checked");
                continue;
            }
            for (String key : TomlKeys.leaves(source.parsed())) {
                if (keys.known(key) || CodeReadKeys.known(node.product(), key)) {
                    continue;
                }
                findings.error(node, new Located(key, source.fileName(), line(source, key)), key + " is read by no template"
                        + " or rule of this product, so WSO2 ignores it silently" + hint(key, keys));
            }
        }
    }

    /** The line of a key, or of the nearest enclosing key tomlj places (keys inside arrays of tables have none). */
    private static int line(TomlSource source, String key) {
        for (String k = key; !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
            int line = source.lineOf(k);
            if (line > 0) {
                return line;
            }
        }
        return 0;
    }

    /** What was probably meant: the key with {@code properties} before its name, or a known key of the same name. */
    private static String hint(String key, TomlKeys keys) {
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            String table = key.substring(0, dot);
            String name = key.substring(dot + 1);
            String properties = table + ".properties." + name;
            if (keys.known(properties)) {
                return ": did you mean [" + table + ".properties] " + name + "?";
            }
        }
        return "; check its spelling and its table against the product's documentation";
    }
}
