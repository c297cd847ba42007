package io.github.wso2cluster.topology;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The deployment.toml escape hatch: a dotted key and its value written as TOML ({@code 400}, {@code "text"},
 * {@code ["a", "b"]}).
 */
public record TomlEdit(String key, String value) {

    /**
     * Why {@code value} is not exactly one TOML value, or null when it is. The value is spliced into the file as
     * written, so one with a line break and more keys after it ({@code "TLSv1.2"} then {@code ciphers = "NULL"}) would
     * add settings nobody asked for, and one with a comment after it would swallow the rest of its line.
     */
    public static String problem(String value) {
        TomlParseResult alone = Toml.parse("k = " + value);
        if (alone.hasErrors()) {
            return "is not a TOML value (" + alone.errors().get(0).getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", "")
                    + ")";
        }
        if (!alone.keySet().equals(java.util.Set.of("k"))) {
            return "holds more than one TOML value: it sets " + String.join(", ", alone.keySet().stream()
                    .filter(k -> !k.equals("k")).sorted().toList()) + " too";
        }
        // Inside an array, anything after the value (a comment, a second value) breaks the closing bracket.
        if (Toml.parse("k = [" + value + "]").hasErrors()) {
            return "has something after the value (a comment?)";
        }
        return null;
    }
}
