package io.github.wso2cluster.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Surgical edits of one entry of a deployment.toml array of tables ({@code [[datasource]]}, {@code [[task_resolver]]}),
 * which {@link TomlEditor}'s dotted keys cannot address: the entry's keys that exist get their value replaced in
 * place, missing ones go after the entry's last key, and a missing entry is appended at the end of the file. The
 * result is parsed again, and everything outside the entry must have kept its value.
 */
final class TomlArrayTables {
    private TomlArrayTables() {
    }

    /**
     * @param match    which entry: the one whose {@code matchKey} has {@code matchValue}; a null key takes the first
     * @param values   dotted keys of the entry (relative to it) and their TOML values, in order; a new entry gets all
     * @param keep     keys of {@code values} that an existing entry keeps as it has them (its pool settings)
     * @param changes  one line per change (secret values are never shown)
     */
    static String upsert(TomlSource source, String array, String matchKey, String matchValue,
                         Map<String, String> values, List<String> keep, List<String> secrets, List<String> changes)
            throws ConfigFileException {
        String text = source.text();
        String sep = source.lineSeparator();
        TomlArray entries = source.parsed().isArray(array) ? source.parsed().getArray(array) : null;
        int index = -1;
        for (int i = 0; entries != null && i < entries.size(); i++) {
            if (!(entries.get(i) instanceof TomlTable entry)) {
                continue;
            }
            if (matchKey == null || Objects.equals(matchValue, entry.get(matchKey))) {
                index = i;
                break;
            }
        }
        TextPatch patch = new TextPatch();
        if (index < 0) {
            StringBuilder block = new StringBuilder();
            if (!text.isEmpty() && !text.endsWith("\n")) {
                block.append(sep);
            }
            block.append(sep).append("[[").append(array).append("]]").append(sep);
            values.forEach((key, value) -> block.append(key).append(" = ").append(value).append(sep));
            patch.insert(text.length(), block.toString());
            changes.add(source.fileName() + " [[" + array + "]] " + (matchKey == null ? "" : matchKey + " = " + matchValue + " ")
                    + "(added entry)");
        } else {
            TomlTable entry = entries.getTable(index);
            int last = -1;
            for (String key : entry.dottedKeySet(true)) {
                TomlPosition at = entry.inputPositionOf(key);
                if (at != null) {
                    last = Math.max(last, source.lineEnd(Math.max(source.offset(at.line(), at.column()),
                            source.valueSpan(source.offset(at.line(), at.column()))[1] - 1)));
                }
            }
            StringBuilder missing = new StringBuilder();
            for (Map.Entry<String, String> value : values.entrySet()) {
                TomlPosition at = entry.inputPositionOf(value.getKey());
                boolean secret = secrets.contains(value.getKey());
                String shown = secret ? "******" : value.getValue();
                if (at == null) {
                    missing.append(value.getKey()).append(" = ").append(value.getValue()).append(sep);
                    changes.add(source.fileName() + " [[" + array + "]] " + value.getKey() + " = " + shown + " (added)");
                } else if (!keep.contains(value.getKey()) && !Objects.equals(entry.get(value.getKey()), parse(value.getValue()))) {
                    int[] span = source.valueSpan(source.offset(at.line(), at.column()));
                    patch.replace(span[0], span[1], value.getValue());
                    changes.add(source.fileName() + ":" + at.line() + " [[" + array + "]] " + value.getKey() + " = " + shown);
                }
            }
            if (!missing.isEmpty()) {
                if (last >= text.length() && !text.endsWith("\n")) {
                    missing.insert(0, sep);
                }
                patch.insert(Math.min(last, text.length()), missing.toString());
            }
        }
        if (patch.isEmpty()) {
            return text;
        }
        String edited = patch.apply(text);
        TomlSource after = TomlSource.parse(source.fileName(), edited);
        checkOthersKept(source, after, array, index);
        return edited;
    }

    /** Every table and entry but the edited one holds what it held (a splice that went wrong fails here). */
    private static void checkOthersKept(TomlSource before, TomlSource after, String array, int index)
            throws ConfigFileException {
        Map<String, Object> was = plain(before.parsed());
        Map<String, Object> now = plain(after.parsed());
        List<?> wasEntries = was.remove(array) instanceof List<?> list ? list : List.of();
        List<?> nowEntries = now.remove(array) instanceof List<?> list ? list : List.of();
        boolean same = was.equals(now) && nowEntries.size() == wasEntries.size() + (index < 0 ? 1 : 0);
        for (int i = 0; same && i < wasEntries.size(); i++) {
            same = i == index || Objects.equals(wasEntries.get(i), nowEntries.get(i));
        }
        if (!same) {
            throw new ConfigFileException(before.fileName() + ": editing [[" + array + "]] changed what no setting"
                    + " touches; please report this with the file");
        }
    }

    /** A table as plain maps and lists (tomlj's tables and arrays have no equals). */
    private static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        table.keySet().forEach(key -> map.put(key, plain(table.get(List.of(key)))));
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            return plain(table);
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new java.util.ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                list.add(plain(array.get(i)));
            }
            return list;
        }
        return value;
    }

    private static Object parse(String tomlValue) {
        return org.tomlj.Toml.parse("v = " + tomlValue).get("v");
    }
}
