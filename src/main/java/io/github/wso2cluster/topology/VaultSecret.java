package io.github.wso2cluster.topology;

/**
 * One {@code <secret>}: a value from settings.xml, encrypted into every node where it goes.
 *
 * @param key      the deployment.toml dotted key (deployment.toml products), or null
 * @param file     the Carbon 4.x file (relative to the top folder), or null
 * @param xpath    the element in {@code file}, or null
 * @param alias    the alias as given, or null for the default (the key's, or the one the distribution's
 *                 cipher-tool.properties names for that element)
 * @param where    the POM element, for messages ({@code secrets[0]})
 */
public record VaultSecret(String key, String file, String xpath, String alias, Secret value, String where) {
    public boolean toml() {
        return key != null;
    }
}
