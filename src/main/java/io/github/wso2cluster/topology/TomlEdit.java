package io.github.wso2cluster.topology;

/**
 * The deployment.toml escape hatch: a dotted key and its value written as TOML ({@code 400}, {@code "text"},
 * {@code ["a", "b"]}).
 */
public record TomlEdit(String key, String value) {
}
