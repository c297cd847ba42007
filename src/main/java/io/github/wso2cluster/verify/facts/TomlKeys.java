package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.output.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The deployment.toml keys a product reads, from its own rules: the Jinja templates that render its XML
 * ({@code repository/resources/conf/templates/**}{@code /*.j2}: every dotted name they use, following loop and
 * {@code set} variables, loops over arrays of tables and over tables of tables alike, and {@code .items()} over a
 * table, whose children are then all known),
 * {@code default.json} (flat or nested), {@code infer.json} (its keys, the keys of its values, the keys its values
 * {@code $ref{}}, {@code $1} standing for any one name) and {@code key-mappings.json} (both sides). WSO2 ignores
 * any other key silently.
 */
public final class TomlKeys {
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}|\\{%-?(.*?)-?%}", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern BRACKET = Pattern.compile("\\[\\s*['\"]([^'\"]+)['\"]\\s*]");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.|])([A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*)*)(\\s*\\(\\s*\\))?");
    private static final Pattern FOR = Pattern.compile("^\\s*for\\s+([\\w\\s,]+?)\\s+in\\s+([\\w.\\[\\]'\"-]+)(\\(\\))?");
    private static final Pattern SET = Pattern.compile("^\\s*set\\s+(\\w+)\\s*=\\s*([\\w.\\[\\]'\"-]+)\\s*$");
    private static final Pattern REF = Pattern.compile("\\$ref\\{([^}]+)}");
    private static final Set<String> WORDS = Set.of("if", "elif", "else", "endif", "for", "endfor", "in", "is", "not",
            "and", "or", "defined", "undefined", "set", "endset", "true", "false", "True", "False", "none", "None", "loop",
            "macro", "endmacro", "call", "endcall", "raw", "endraw", "with", "endwith", "import", "from", "include",
            "block", "endblock", "extends", "recursive", "filter", "endfilter", "as", "context", "without");
    private static final Set<String> WHOLE = Set.of("items", "keys", "values");

    private final Set<String> exact = new LinkedHashSet<>();
    /** Prefixes all of whose descendants are known (a table iterated with .items()). */
    private final Set<String> subtrees = new LinkedHashSet<>();
    /**
     * Keys a template loops over without {@code .items()} ({@code {% for data in datasource %}}): an array of tables
     * ({@code [[datasource]]}), whose element keys are {@code datasource.id}, or a table of tables
     * ({@code [datasource.AgentIdentity]}, IS 7.2's stock file), whose are {@code datasource.AgentIdentity.id}.
     */
    private final Set<String> loops = new LinkedHashSet<>();
    /** infer.json's {@code $1} keys, as patterns. */
    private final List<Pattern> patterns = new ArrayList<>();

    /** @param rules templates and JSON rules by path ({@code .j2}, {@code default.json}, {@code infer.json}, ...) */
    public static TomlKeys of(Map<String, byte[]> rules) {
        TomlKeys keys = new TomlKeys();
        for (Map.Entry<String, byte[]> rule : rules.entrySet()) {
            String text = new String(rule.getValue(), StandardCharsets.UTF_8);
            String name = rule.getKey();
            if (name.endsWith(".j2")) {
                keys.template(text);
            } else if (name.endsWith("infer.json")) {
                keys.infer(json(text));
            } else if (name.endsWith("key-mappings.json")) {
                if (json(text) instanceof Map<?, ?> map) {
                    map.forEach((from, to) -> {
                        keys.add(String.valueOf(from));
                        if (to instanceof String s) {
                            keys.add(s);
                        } else if (to instanceof List<?> list) {
                            list.forEach(t -> keys.add(String.valueOf(t)));
                        }
                    });
                }
            } else if (name.endsWith(".json")) {
                keys.flatten("", json(text));
            }
        }
        return keys;
    }

    private static Object json(String text) {
        try {
            return Json.parse(text);
        } catch (Json.JsonException e) {
            return Map.of(); // a rule file the product itself could not read adds no key
        }
    }

    /** The product's default.json flattened to dotted keys (what the templates fall back on). */
    static Map<String, Object> defaults(Map<String, byte[]> rules) {
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        rules.forEach((path, bytes) -> {
            if (path.endsWith("/default.json")) {
                flatten("", json(new String(bytes, StandardCharsets.UTF_8)), flat);
            }
        });
        return flat;
    }

    private static void flatten(String prefix, Object json, Map<String, Object> into) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String full = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
                if (value instanceof Map<?, ?>) {
                    flatten(full, value, into);
                } else {
                    into.put(full, value);
                }
            });
        }
    }

    public boolean isEmpty() {
        return exact.isEmpty() && subtrees.isEmpty();
    }

    public boolean known(String key) {
        return known(key, Set.of());
    }

    /** @param stripped the loops whose element name was already taken out of the key (once each) */
    private boolean known(String key, Set<String> stripped) {
        if (exact.contains(key) || patterns.stream().anyMatch(p -> p.matcher(key).matches())) {
            return true;
        }
        for (String prefix : subtrees) {
            if (key.startsWith(prefix + ".")) {
                return true;
            }
        }
        for (String loop : loops) {
            // A table of tables: the element's own name stands between the loop's key and the element's keys.
            String rest = key.startsWith(loop + ".") && !stripped.contains(loop) ? key.substring(loop.length() + 1) : "";
            int dot = rest.indexOf('.');
            if (dot > 0) {
                Set<String> now = new java.util.HashSet<>(stripped);
                now.add(loop);
                if (known(loop + "." + rest.substring(dot + 1), now)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names the rules read directly under {@code table} ({@code members}, {@code domain} of {@code clustering}). */
    public Set<String> namesIn(String table) {
        Set<String> names = new java.util.TreeSet<>();
        for (String key : exact) {
            if (key.startsWith(table + ".") && key.indexOf('.', table.length() + 1) < 0) {
                names.add(key.substring(table.length() + 1));
            }
        }
        return names;
    }

    /** Every leaf key of a TOML table; the keys inside an array of tables are {@code array.key}. */
    public static List<String> leaves(TomlTable table) {
        List<String> keys = new ArrayList<>();
        leaves("", table, keys);
        return keys;
    }

    private static void leaves(String prefix, TomlTable table, List<String> keys) {
        for (String key : table.keySet()) {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            Object value = table.get(List.of(key));
            if (value instanceof TomlTable child) {
                leaves(full, child, keys);
            } else if (value instanceof TomlArray array && !array.isEmpty() && array.get(0) instanceof TomlTable) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof TomlTable element) {
                        leaves(full, element, keys);
                    }
                }
            } else if (!keys.contains(full)) {
                keys.add(full);
            }
        }
    }

    private void add(String key) {
        if (key.contains("$1")) {
            patterns.add(Pattern.compile(Pattern.quote(key).replace("$1", "\\E[^.]+\\Q")));
        } else {
            exact.add(key);
        }
    }

    private void template(String text) {
        // Loop variables live until their endfor: a stack of scopes, the innermost last.
        java.util.Deque<Map<String, String>> scopes = new java.util.ArrayDeque<>();
        scopes.push(new HashMap<>());
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            boolean statement = tag.group(2) != null;
            String body = BRACKET.matcher(statement ? tag.group(2) : tag.group(1)).replaceAll(".$1");
            Map<String, String> aliases = new HashMap<>();
            scopes.descendingIterator().forEachRemaining(aliases::putAll);
            if (statement && body.trim().equals("endfor")) {
                if (scopes.size() > 1) {
                    scopes.pop();
                }
                continue;
            }
            if (statement) {
                Matcher loop = FOR.matcher(body);
                if (loop.find()) {
                    String source = resolve(loop.group(2), aliases);
                    boolean items = source.endsWith(".items") || source.endsWith(".keys") || source.endsWith(".values");
                    if (loop.group(3) != null && !items && source.contains(".")) {
                        source = source.substring(0, source.lastIndexOf('.')); // in custom_event.subscriptions.toList()
                    }
                    if (items) {
                        source = source.substring(0, source.lastIndexOf('.'));
                        subtrees.add(source);
                    } else {
                        exact.add(source);
                        loops.add(source);
                    }
                    Map<String, String> scope = new HashMap<>();
                    for (String variable : loop.group(1).split(",")) {
                        // An element's (or an entry's value's) names are relative to the iterated key.
                        scope.put(variable.trim(), source);
                    }
                    scopes.push(scope);
                    continue;
                }
                Matcher set = SET.matcher(body);
                if (set.find()) {
                    scopes.peek().put(set.group(1), resolve(set.group(2), aliases));
                    continue;
                }
            }
            Matcher path = PATH.matcher(STRING.matcher(body).replaceAll("''"));
            while (path.find()) {
                String name = path.group(1);
                if (WORDS.contains(name) || body.substring(0, path.start()).matches("(?s).*\\|\\s*")) {
                    continue; // a keyword, or a filter name (| default, | lower)
                }
                String resolved = resolve(name, aliases);
                int last = resolved.lastIndexOf('.');
                if (path.group(2) == null) {
                    exact.add(resolved);
                } else if (last > 0 && WHOLE.contains(resolved.substring(last + 1))) {
                    subtrees.add(resolved.substring(0, last));
                } else if (last > 0) {
                    exact.add(resolved.substring(0, last)); // a method of the value: subscriptions.toList()
                }
            }
        }
    }

    private static String resolve(String name, Map<String, String> aliases) {
        String clean = name.replaceAll("\\(\\)$", "");
        int dot = clean.indexOf('.');
        String head = dot < 0 ? clean : clean.substring(0, dot);
        String alias = aliases.get(head);
        return alias == null ? clean : alias + (dot < 0 ? "" : clean.substring(dot));
    }

    private void infer(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            return;
        }
        map.forEach((key, cases) -> {
            add(String.valueOf(key));
            if (cases instanceof Map<?, ?> byValue) {
                byValue.values().forEach(values -> {
                    if (values instanceof Map<?, ?> inferred) {
                        inferred.forEach((inferredKey, value) -> {
                            add(String.valueOf(inferredKey));
                            Matcher ref = REF.matcher(String.valueOf(value));
                            while (ref.find()) {
                                add(ref.group(1));
                            }
                        });
                    }
                });
            }
        });
    }

    private void flatten(String prefix, Object json) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String full = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
                if (value instanceof Map<?, ?>) {
                    flatten(full, value);
                } else {
                    add(full);
                    Matcher ref = REF.matcher(String.valueOf(value));
                    while (ref.find()) {
                        add(ref.group(1)); // a default that refers to another key: {"local_member_host": "$ref{server.node_ip}"}
                    }
                }
            });
        }
    }
}
