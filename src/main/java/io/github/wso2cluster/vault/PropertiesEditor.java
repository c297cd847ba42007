package io.github.wso2cluster.vault;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surgical edits of a Java properties file (secret-conf.properties, cipher-text.properties): a key that is there gets
 * its value replaced on its own line, a new key is appended at the end; every other line (the commented samples
 * WSO2 ships, blank lines, CRLF) keeps its bytes. Values are read as {@link Properties} reads them.
 */
final class PropertiesEditor {
    /** A one-line entry: the key (no escapes: WSO2's keys and aliases have none), its separator, its value. */
    private static final Pattern ENTRY = Pattern.compile("^([ \\t\\f]*)([^\\s=:#!\\\\]+)([ \\t\\f]*[=:][ \\t\\f]*|[ \\t\\f]+)(.*)$");

    private final List<String> lines = new ArrayList<>();
    private final List<String> endings = new ArrayList<>();
    private final String separator;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> appended = new ArrayList<>();
    private final Properties values = new Properties();

    PropertiesEditor(String text) {
        separator = text.contains("\r\n") ? "\r\n" : "\n";
        Matcher line = Pattern.compile("([^\\r\\n]*)(\\r\\n|\\n|\\r|$)").matcher(text);
        int at = 0;
        while (at < text.length() && line.find(at)) {
            lines.add(line.group(1));
            endings.add(line.group(2));
            at = line.end();
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher entry = ENTRY.matcher(lines.get(i));
            boolean continued = i > 0 && lines.get(i - 1).endsWith("\\");
            if (!continued && entry.matches() && !lines.get(i).endsWith("\\")) {
                index.put(entry.group(2), i);
            }
        }
        try {
            values.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // A malformed escape: the entries read above are still edited line by line.
        }
    }

    /** The keys in file order (one-line entries only). */
    List<String> keys() {
        return List.copyOf(index.keySet());
    }

    /** The 1-based line of a key, or 0. */
    int line(String key) {
        Integer at = index.get(key);
        return at == null || at < 0 ? 0 : at + 1;
    }

    /** The value as the server reads it, or null. */
    String value(String key) {
        return values.getProperty(key);
    }

    /** Sets a key: its line's value when the key is there, else a new line at the end. */
    void set(String key, String value) {
        Integer at = index.get(key);
        String escaped = escape(value);
        if (at == null) {
            appended.add(key + "=" + escaped);
            index.put(key, -1);
            return;
        }
        if (at < 0) {
            appended.replaceAll(l -> l.startsWith(key + "=") ? key + "=" + escaped : l);
            return;
        }
        Matcher entry = ENTRY.matcher(lines.get(at));
        if (entry.matches() && !value.equals(values.getProperty(key))) {
            lines.set(at, entry.group(1) + entry.group(2) + entry.group(3) + escaped);
        }
    }

    /** A comment line before the first appended entry (says who wrote it and why). */
    void comment(String text) {
        if (appended.isEmpty() || !appended.get(0).startsWith("#")) {
            appended.add(0, "# " + text);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append(endings.get(i));
        }
        boolean entries = appended.stream().anyMatch(l -> !l.startsWith("#"));
        if (entries) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(separator); // WSO2's cipher-text.properties ends without a line break
            }
            appended.forEach(l -> out.append(l).append(separator));
        }
        return out.toString();
    }

    /** Properties escaping of a value: backslashes, line breaks, a leading space. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
