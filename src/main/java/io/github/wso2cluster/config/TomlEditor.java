package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.database.JdbcUrlSafety;
import io.github.wso2cluster.topology.TomlEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Surgical edits of one deployment.toml: tomlj finds where each key stands, and only the value's characters are
 * replaced, so every other line (comments, commented-out look-alikes such as {@code #[clustering]}, blank lines,
 * CRLF) keeps its bytes. A missing key goes into its table in the form the file already uses: under the deepest
 * existing {@code [header]} of its path (as a dotted key when that header is a parent, {@code properties.proxyPort}
 * under {@code [transport.http]}), else into a new table appended at the end. {@link #result()} parses the edited
 * text again and checks that every key it did not set kept its value.
 */
public final class TomlEditor {
    private final TomlSource source;
    private final String text;
    /** The pending splice of each key set here: a later set of the same key replaces it (the tomlEdit wins). */
    private final Map<String, Splice> splices = new LinkedHashMap<>();
    /** What each key's edit did, for the build log. */
    private final Map<String, String> changes = new LinkedHashMap<>();
    /** Keys set here, with their values as TOML. */
    private final Map<String, String> set = new LinkedHashMap<>();
    /** Keys set here whose values are secrets (never described). */
    private final Set<String> secrets = new LinkedHashSet<>();
    /** Tables appended at the end: header path to its keys and their lines (key = value). */
    private final Map<String, Map<String, String>> newTables = new LinkedHashMap<>();

    private record Splice(int start, int end, String text) {
    }

    public TomlEditor(TomlSource source) {
        this.source = source;
        this.text = source.text();
    }

    public TomlSource source() {
        return source;
    }

    public void set(String dottedKey, String tomlValue) throws ConfigFileException {
        set(dottedKey, tomlValue, false);
    }

    /**
     * Sets a key to a TOML value ({@code "text"}, {@code 4000}, {@code ["a", "b"]}); a value already equal (as TOML,
     * whatever its quoting) is left as written. Setting a key again replaces the earlier value: the last one wins
     * (a {@code tomlEdit} after the setting that writes the same key).
     */
    public void set(String dottedKey, String tomlValue, boolean secret) throws ConfigFileException {
        Object wanted = valueOf(dottedKey, tomlValue);
        forget(dottedKey);
        set.put(dottedKey, tomlValue);
        if (secret) {
            secrets.add(dottedKey);
        }
        String shown = secret ? "******" : tomlValue;
        Optional<Object> existing = source.value(dottedKey);
        if (existing.isPresent()) {
            if (existing.get() instanceof TomlTable) {
                throw new ConfigFileException(source.fileName() + ":" + source.lineOf(dottedKey) + ": " + dottedKey
                        + " is a table here; it cannot take the value " + shown);
            }
            if (same(existing.get(), wanted)) {
                return;
            }
            int[] span = source.valueSpan(source.keyOffset(dottedKey));
            splices.put(dottedKey, new Splice(span[0], span[1], tomlValue));
            changes.put(dottedKey, source.fileName() + ":" + source.lineOf(dottedKey) + " " + dottedKey + " = " + shown);
            return;
        }
        String[] path = dottedKey.split("\\.");
        for (int depth = path.length - 1; depth >= 1; depth--) {
            String table = String.join(".", java.util.Arrays.copyOfRange(path, 0, depth));
            if (source.hasHeader(table)) {
                String rest = String.join(".", java.util.Arrays.copyOfRange(path, depth, path.length));
                int at = endOfTable(table);
                splices.put(dottedKey, new Splice(at, at, rest + " = " + tomlValue + source.lineSeparator()));
                changes.put(dottedKey, source.fileName() + ":" + source.lineOf(table) + " [" + table + "] " + rest + " = "
                        + shown + " (added)");
                return;
            }
        }
        String table = String.join(".", java.util.Arrays.copyOfRange(path, 0, path.length - 1));
        if (table.isEmpty()) {
            throw new ConfigFileException(source.fileName() + ": cannot add the top-level key " + dottedKey
                    + "; put it in a table");
        }
        newTables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(dottedKey, path[path.length - 1] + " = " + tomlValue);
        changes.put(dottedKey, source.fileName() + " [" + table + "] " + path[path.length - 1] + " = " + shown + " (added table)");
    }

    /** Drops what an earlier set of this key would have written. */
    private void forget(String dottedKey) {
        splices.remove(dottedKey);
        changes.remove(dottedKey);
        secrets.remove(dottedKey);
        set.remove(dottedKey);
        newTables.values().forEach(keys -> keys.remove(dottedKey));
        newTables.values().removeIf(Map::isEmpty);
    }

    /**
     * The offset where a new key of {@code table} goes: after the last line of its own content, that is of the keys
     * between its header and the next header (its sub-tables' keys under their own headers do not count).
     */
    private int endOfTable(String table) {
        int header = source.keyOffset(table);
        int next = source.nextHeader(header);
        int end = source.lineEnd(header);
        for (String key : source.parsed().getTable(table).dottedKeySet(false)) {
            int at = source.keyOffset(table + "." + key);
            if (at > header && at < next) {
                end = Math.max(end, source.lineEnd(Math.max(at, source.valueSpan(at)[1] - 1)));
            }
        }
        return end;
    }

    private Object valueOf(String key, String tomlValue) throws ConfigFileException {
        TomlParseResult parsed = Toml.parse("v = " + tomlValue);
        if (parsed.hasErrors() || parsed.get("v") == null || TomlEdit.problem(tomlValue) != null) {
            throw new ConfigFileException(source.fileName() + ": " + key + ": '" + tomlValue + "' is not a TOML value"
                    + " (write text as \"text\", numbers bare, lists as [\"a\", \"b\"])");
        }
        return parsed.get("v");
    }

    private static boolean same(Object existing, Object wanted) {
        return Objects.equals(plain(existing), plain(wanted));
    }

    /** A TOML value as plain maps and lists (tomlj's tables have no equals). */
    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            Map<String, Object> map = new LinkedHashMap<>();
            table.keySet().forEach(key -> map.put(key, plain(table.get(List.of(key)))));
            return map;
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                list.add(plain(array.get(i)));
            }
            return list;
        }
        return value;
    }

    public boolean changed() {
        return !splices.isEmpty() || !newTables.isEmpty();
    }

    /** What was changed, for the build log; a JDBC URL's password is masked (the log may be -X's). */
    public List<String> changes() {
        return changes.values().stream().map(JdbcUrlSafety::maskedText).toList();
    }

    /**
     * The edited text, after checking that it is valid TOML and that every key this editor did not set has its
     * old value (a splice that went wrong fails here, not on the server).
     */
    public String result() throws ConfigFileException {
        TextPatch patch = new TextPatch();
        splices.values().forEach(splice -> patch.replace(splice.start(), splice.end(), splice.text()));
        String edited = patch.apply(text);
        if (!newTables.isEmpty()) {
            String sep = source.lineSeparator();
            StringBuilder tail = new StringBuilder();
            if (!edited.isEmpty() && !edited.endsWith("\n")) {
                tail.append(sep); // three real files in four ship without a final newline
            }
            newTables.forEach((table, lines) -> {
                tail.append(sep).append('[').append(table).append(']').append(sep);
                lines.values().forEach(line -> tail.append(line).append(sep));
            });
            edited = edited + tail;
        }
        TomlSource after;
        try {
            after = TomlSource.parse(source.fileName(), edited);
        } catch (ConfigFileException e) {
            // The file defines a table in a form a new key cannot join (an inline table, a quoted header).
            throw new ConfigFileException(source.fileName() + ": the settings cannot be added to this file in its own form ("
                    + e.getMessage().substring(source.fileName().length() + 1) + " after editing); write the table as a"
                    + " [header] of its own, or set the key with a <tomlEdit> where the file defines it");
        }
        for (String key : source.parsed().dottedKeySet(false)) {
            if (set.containsKey(key)) {
                continue;
            }
            Object before = source.parsed().get(key);
            Object now = after.parsed().get(key);
            boolean same = before instanceof TomlTable ? now instanceof TomlTable : same(before, now);
            // (a table's own keys are compared one by one in this loop)
            if (!same) {
                throw new ConfigFileException(source.fileName() + ":" + source.lineOf(key) + ": editing changed " + key
                        + ", which no setting touches; please report this with the file");
            }
        }
        for (Map.Entry<String, String> key : set.entrySet()) {
            if (!same(after.parsed().get(key.getKey()), valueOf(key.getKey(), key.getValue()))) {
                throw new ConfigFileException(source.fileName() + ": " + key.getKey() + " did not take its value after"
                        + " editing; please report this with the file");
            }
        }
        return edited;
    }
}
