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

    /**
     * What was probably meant: the nearest name the rules read in the SAME table (a typo: {@code clustering.memebrs}
     * is {@code clustering.members}), else the key with {@code properties} before its name (the known trap).
     */
    private static String hint(String key, TomlKeys keys) {
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            String table = key.substring(0, dot);
            String name = key.substring(dot + 1);
            String nearest = null;
            int best = Math.max(1, Math.min(3, name.length() / 3)) + 1;
            for (String known : keys.namesIn(table)) {
                int distance = distance(name.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
                if (distance < best) {
                    best = distance;
                    nearest = known;
                }
            }
            if (nearest != null) {
                return ": did you mean [" + table + "] " + nearest + "?";
            }
            String properties = table + ".properties." + name;
            if (keys.known(properties)) {
                return ": did you mean [" + table + ".properties] " + name + "?";
            }
        }
        return "; check its spelling and its table against the product's documentation";
    }

    /** Edit distance with transpositions (optimal string alignment): {@code memebrs} is 1 from {@code members}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
