package io.github.wso2cluster.config.apim;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.TextPatch;
import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.config.TomlSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Replaces every entry of one deployment.toml array of tables with the derived ones ({@code [[apim.throttling.url_group]]}
 * one per traffic manager): entries already equal keep their bytes; otherwise the old entries' lines (header to
 * last key) go and the new ones stand where the first one stood, or at the end. The result is parsed again, and
 * everything outside the array must have kept its value.
 */
final class TomlArrays {
    private TomlArrays() {
    }

    /** @param entries each entry's keys and TOML values, in order */
    static String replaceAll(TomlSource source, String array, List<Map<String, String>> entries, List<String> changes)
            throws ConfigFileException {
        String text = source.text();
        List<Object> wanted = new ArrayList<>();
        for (Map<String, String> entry : entries) {
            Map<String, Object> plain = new LinkedHashMap<>();
            entry.forEach((k, v) -> plain.put(k, plain(Toml.parse("v = " + v).get("v"))));
            wanted.add(plain);
        }
        TomlArray existing = source.parsed().isArray(array) ? source.parsed().getArray(array) : null;
        if (existing != null && Objects.equals(plain(existing), wanted)) {
            return text;
        }
        String sep = source.lineSeparator();
        List<int[]> blocks = blocks(source, array, existing);
        StringBuilder block = new StringBuilder();
        for (Map<String, String> entry : entries) {
            block.append("[[").append(array).append("]]").append(sep);
            entry.forEach((k, v) -> block.append(k).append(" = ").append(v).append(sep));
            block.append(sep);
        }
        TextPatch patch = new TextPatch();
        if (blocks.isEmpty()) {
            String lead = text.isEmpty() || text.endsWith("\n") ? sep : sep + sep;
            patch.insert(text.length(), lead + block.toString().stripTrailing() + sep);
        } else {
            for (int i = 0; i < blocks.size(); i++) {
                patch.replace(blocks.get(i)[0], blocks.get(i)[1], i == 0 ? block.toString().stripTrailing() + sep : "");
            }
        }
        String edited = patch.apply(text);
        TomlSource after = TomlSource.parse(source.fileName(), edited);
        Map<String, Object> was = plainTable(source.parsed());
        Map<String, Object> now = plainTable(after.parsed());
        TomlDatabases.removeDotted(was, array);
        Object written = TomlDatabases.removeDotted(now, array);
        if (!was.equals(now) || !Objects.equals(written, wanted)) {
            throw new ConfigFileException(source.fileName() + ": replacing [[" + array + "]] changed what no setting"
                    + " touches (an entry with sub-tables?); write the entries yourself with the values in the build log");
        }
        changes.add(source.fileName() + " [[" + array + "]] " + entries.size() + " entries" + (blocks.isEmpty() ? " (added)"
                : " (replacing " + blocks.size() + ")"));
        return edited;
    }

    /** [start, end) of each existing entry: its header line to the end of its last key's value. */
    private static List<int[]> blocks(TomlSource source, String array, TomlArray existing) throws ConfigFileException {
        List<int[]> blocks = new ArrayList<>();
        if (existing == null) {
            return blocks;
        }
        String text = source.text();
        Pattern header = Pattern.compile("(?m)^[ \\t]*\\[\\[[ \\t]*" + Pattern.quote(array).replace(".", "\\E[ \\t]*\\.[ \\t]*\\Q")
                + "[ \\t]*]][^\\n]*(\\n|$)");
        Matcher m = header.matcher(text);
        int index = 0;
        while (m.find() && index < existing.size()) {
            int end = m.end();
            if (existing.get(index) instanceof TomlTable entry) {
                for (String key : entry.dottedKeySet(true)) {
                    TomlPosition at = entry.inputPositionOf(key);
                    if (at != null) {
                        int keyAt = source.offset(at.line(), at.column());
                        end = Math.max(end, source.lineEnd(Math.max(keyAt, source.valueSpan(keyAt)[1] - 1)));
                    }
                }
            }
            blocks.add(new int[] {m.start(), end});
            index++;
        }
        if (index != existing.size()) {
            throw new ConfigFileException(source.fileName() + ": [[" + array + "]] is written in a form this plugin cannot"
                    + " replace (inline or quoted); write it as [[" + array + "]] headers");
        }
        return blocks;
    }

    private static Map<String, Object> plainTable(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        table.keySet().forEach(key -> map.put(key, plain(table.get(List.of(key)))));
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            return plainTable(table);
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
}
