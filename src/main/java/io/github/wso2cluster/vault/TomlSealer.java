package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.TomlConfigurer;
import io.github.wso2cluster.config.TomlEditor;
import io.github.wso2cluster.config.TomlSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment.toml product's passwords behind its secure vault: each value becomes {@code "$secret{alias}"} in place
 * (surgically, through {@link TomlEditor}) and a {@code [secrets]} table holds {@code alias = "<cipher text>"}. The
 * table is the file's LAST: WSO2's cipher tool 1.1.x (shipped with IS 7) rewrites every line after its header to
 * the end of the file (its end-of-table test, {@code line.matches("[.+]")}, never matches a header), so a table
 * after it would be destroyed by the first operator who runs the tool.
 */
final class TomlSealer {
    static final String TABLE = "secrets";
    /** A table header line ({@code [a.b]}, {@code [[a]]}), as the cipher tool and a reader of the file see one. */
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*\\[\\[?[ \\t]*([A-Za-z0-9_.\"' -]+?)[ \\t]*]]?[ \\t]*(#.*)?$");

    private TomlSealer() {
    }

    /** The alias a key's secret gets: the key with dots as underscores ({@code database_shared_db_password}). */
    static String alias(String key) {
        return key.replace('.', '_');
    }

    /** Whether a key holds a password, by its name (the last part says so in every WSO2 product). */
    static boolean passwordKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.contains("password") && !key.startsWith(TABLE + ".");
    }

    /**
     * @param targets key to [alias, clear text]: the values to put behind the vault
     * @return the sealed file's text
     */
    static String seal(String path, String text, Map<String, String[]> targets, VaultKey key) throws ConfigFileException {
        TomlSource source = TomlSource.parse(path, text);
        TomlEditor references = new TomlEditor(source);
        Map<String, String> ciphers = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> target : targets.entrySet()) {
            references.set(target.getKey(), TomlConfigurer.string("$secret{" + target.getValue()[0] + "}"), true);
            ciphers.put(target.getValue()[0], key.encrypt(target.getValue()[1]));
        }
        String referenced = references.changed() ? references.result() : text;
        TomlSource after = TomlSource.parse(path, referenced);
        String result;
        if (after.hasHeader(TABLE)) {
            requireLast(after);
            TomlEditor table = new TomlEditor(after);
            for (Map.Entry<String, String> cipher : ciphers.entrySet()) {
                table.set(TABLE + "." + cipher.getKey(), TomlConfigurer.string(cipher.getValue()), true);
            }
            result = table.changed() ? table.result() : referenced;
        } else {
            String sep = after.lineSeparator();
            StringBuilder out = new StringBuilder(referenced);
            if (!referenced.isEmpty() && !referenced.endsWith("\n")) {
                out.append(sep);
            }
            out.append(sep).append("# Secure vault (wso2-cluster-maven-plugin): keep this table the last of the file;")
                    .append(" WSO2's cipher tool rewrites every line after it").append(sep);
            out.append('[').append(TABLE).append(']').append(sep);
            ciphers.forEach((alias, cipher) -> out.append(alias).append(" = ").append(TomlConfigurer.string(cipher)).append(sep));
            result = out.toString();
        }
        requireLast(TomlSource.parse(path, result));
        return result;
    }

    /** The line of the {@code [secrets]} header, or 0. */
    static int headerLine(TomlSource source) {
        return headerLines(source.text()).getOrDefault(TABLE, 0);
    }

    /** The line of the first table header after {@code [secrets]}, or empty when it is the last. */
    static Optional<int[]> afterSecrets(String text) {
        Matcher header = HEADER.matcher(text);
        boolean seen = false;
        while (header.find()) {
            String name = header.group(1).replaceAll("\\s*\\.\\s*", ".").replace("\"", "").trim();
            int line = (int) text.substring(0, header.start()).chars().filter(c -> c == '\n').count() + 1;
            if (seen) {
                return Optional.of(new int[] {line});
            }
            seen = name.equals(TABLE) && !header.group().trim().startsWith("[[");
        }
        return Optional.empty();
    }

    private static Map<String, Integer> headerLines(String text) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Matcher header = HEADER.matcher(text);
        while (header.find()) {
            String name = header.group(1).replaceAll("\\s*\\.\\s*", ".").replace("\"", "").trim();
            lines.putIfAbsent(name, (int) text.substring(0, header.start()).chars().filter(c -> c == '\n').count() + 1);
        }
        return lines;
    }

    private static void requireLast(TomlSource source) throws ConfigFileException {
        Optional<int[]> after = afterSecrets(source.text());
        if (after.isPresent()) {
            throw new ConfigFileException(source.fileName() + ":" + headerLine(source) + ": [secrets] is not the last table"
                    + " (another starts at line " + after.get()[0] + "); WSO2's cipher tool rewrites every line after the"
                    + " [secrets] header, so move [secrets] to the end of the file");
        }
    }

    /** Every key of the file, for finding the passwords in it. */
    static List<String> keys(TomlSource source) {
        return List.copyOf(source.parsed().dottedKeySet(false));
    }
}
