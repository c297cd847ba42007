package io.github.wso2cluster.settings;

import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.product.TomlLocations;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * A deployment.toml product's settings, read where its templates read them: the keys of {@link TomlLocations},
 * else the product's {@code default.json} (following {@code $ref{}}), else WSO2's stock values. Each value stands
 * at its key's line, or its table's when the file leaves it to the defaults.
 */
public final class TomlNodeSettings extends NodeSettings {
    private static final Pattern REF = Pattern.compile("\\$ref\\{([^}]+)}");
    /** What a template renders without a key or default: the kernel's own fallbacks. */
    private static final Map<Setting, String> FALLBACKS = Map.of(
            Setting.MEMBERSHIP_SCHEME, "multicast",
            Setting.DOMAIN, "wso2.carbon.domain",
            Setting.PORT_OFFSET, "0");
    private final String path;
    private final TomlSource toml;
    private final Map<String, Object> defaults;

    /**
     * @param toml     the parsed deployment.toml, or null when it is missing or malformed
     * @param defaults the product's default.json flattened to dotted keys (empty when it has none)
     */
    public TomlNodeSettings(ConfigPaths paths, TomlSource toml, Map<String, Object> defaults) {
        super(paths);
        this.path = paths.deploymentToml();
        this.toml = toml;
        this.defaults = defaults;
    }

    @Override
    public ConfigFormat format() {
        return ConfigFormat.TOML;
    }

    /** The parsed deployment.toml, when it parses. */
    public Optional<TomlSource> toml() {
        return Optional.ofNullable(toml);
    }

    @Override
    public String fileOf(Setting setting) {
        return path;
    }

    @Override
    public boolean readable(Setting setting) {
        return toml != null;
    }

    /** The templates always render a {@code <clustering>} element; whether it is on is {@link #clusteringEnabled}. */
    @Override
    public boolean hasClustering() {
        return toml != null;
    }

    @Override
    public Located clusteringEnabled() {
        if (toml == null) {
            return Located.absent(path);
        }
        boolean on = toml.value(TomlLocations.key(Setting.MEMBERSHIP_SCHEME)).isPresent();
        return new Located(on ? "true" : null, path, tableLine(Setting.CLUSTERING));
    }

    @Override
    public Located clustering(Setting setting) {
        return located(setting, tableLine(Setting.CLUSTERING));
    }

    /** deployment.toml has no key for it: every template hard-codes {@code worker}. */
    @Override
    public Located subDomain() {
        return Located.absent(path);
    }

    @Override
    public List<Located> membersBlocks() {
        return members().isPresent() ? List.of(new Located("members", path, line(Setting.MEMBERS))) : List.of();
    }

    @Override
    public List<Located> memberEntries() {
        List<Located> entries = new ArrayList<>();
        members().ifPresent(array -> array.toList().forEach(m -> entries.add(new Located(String.valueOf(m), path,
                line(Setting.MEMBERS)))));
        return entries;
    }

    private Optional<TomlArray> members() {
        return toml == null ? Optional.empty() : toml.value(TomlLocations.key(Setting.MEMBERS))
                .filter(TomlArray.class::isInstance).map(TomlArray.class::cast);
    }

    /** {@code mgt_console_hostname} falls back to {@code hostname}, as carbon.xml.j2 renders MgtHostName. */
    @Override
    public Located server(Setting setting) {
        if (setting == Setting.MGT_HOST_NAME && toml != null
                && toml.value(TomlLocations.key(Setting.MGT_HOST_NAME)).isEmpty()) {
            Located own = located(Setting.MGT_HOST_NAME, tableLine(Setting.HOST_NAME));
            return own.present() ? own : located(Setting.HOST_NAME, tableLine(Setting.HOST_NAME));
        }
        return located(setting, tableLine(setting));
    }

    /** Every template switches the SVN deployment synchronizer off: deployment.toml has none. */
    @Override
    public Located synchronizer(String child) {
        return Located.absent(path);
    }

    /** When unset, at the line of the connector's {@code port} (or line 1). */
    @Override
    public Located proxyPort(boolean secure) {
        Setting proxy = secure ? Setting.HTTPS_PROXY_PORT : Setting.HTTP_PROXY_PORT;
        int fallback = toml == null ? 0 : Math.max(1, toml.lineOf(TomlLocations.key(secure ? Setting.HTTPS_PORT : Setting.HTTP_PORT)));
        return located(proxy, fallback);
    }

    /** The templates render catalina-server.xml's Engine without a jvmRoute. */
    @Override
    public Located jvmRoute() {
        return Located.absent(path);
    }

    @Override
    public int basePort(Setting setting) {
        int stock = switch (setting) {
            case HTTP_PORT -> Ports.STOCK_HTTP;
            case HTTPS_PORT -> Ports.STOCK_HTTPS;
            case JMX_REGISTRY_PORT -> Ports.STOCK_JMX_REGISTRY;
            case JMX_SERVER_PORT -> Ports.STOCK_JMX_SERVER;
            default -> throw new IllegalArgumentException(setting + " is not a port");
        };
        return value(TomlLocations.key(setting)).flatMap(Ports::parse).orElse(stock);
    }

    @Override
    public String datasourcesFile() {
        return path;
    }

    /** Every {@code [database.*]} table with a URL (its own or the product's default). */
    @Override
    public List<Datasource> datasources() {
        List<Datasource> found = new ArrayList<>();
        Optional<Object> databases = toml == null ? Optional.empty() : toml.value("database");
        if (databases.isPresent() && databases.get() instanceof TomlTable table) {
            for (String name : table.keySet()) {
                String key = "database." + name;
                Optional<String> url = value(key + ".url");
                if (url.isEmpty()) {
                    continue;
                }
                String[] names = DatabaseNames.tomlDatasource(name);
                int line = toml.lineOf(key + ".url") > 0 ? toml.lineOf(key + ".url") : Math.max(1, toml.lineOf(key));
                String password = value(key + ".password").orElse("");
                // The templates render these into XML: what the server reads is the unescaped text.
                found.add(new Datasource(names[0], names[1], TomlDatabases.unescaped(url.get()),
                        TomlDatabases.unescaped(value(key + ".username").orElse("")), value(key + ".driver").orElse(""),
                        new Located(names[0], path, line), Secret.of(TomlDatabases.unescaped(password)),
                        password.contains("$secret{")));
            }
        }
        found.addAll(datasourceArray());
        return found;
    }

    /**
     * Every keystore the templates render: each key from the file, else the product's default, else (for the
     * internal and TLS keystores) the primary keystore's, else WSO2's stock value, as default.json's {@code $ref}s say.
     */
    @Override
    public List<KeystoreSetting> keystores() {
        if (toml == null) {
            return List.of();
        }
        List<KeystoreSetting> found = new ArrayList<>();
        for (KeystoreSetting.Kind kind : KeystoreSetting.Kind.values()) {
            String table = kind.toml();
            boolean key = kind != KeystoreSetting.Kind.TRUSTSTORE;
            String file = store(table, "file_name", key ? "wso2carbon.jks" : "client-truststore.jks");
            int line = toml.lineOf(table + ".file_name") > 0 ? toml.lineOf(table + ".file_name") : Math.max(1, toml.lineOf(table));
            int passwordLine = toml.lineOf(table + ".password") > 0 ? toml.lineOf(table + ".password") : line;
            found.add(new KeystoreSetting(kind, new Located(KeystoreSetting.resolve(file), path, line),
                    store(table, "type", "JKS").trim().toUpperCase(java.util.Locale.ROOT),
                    key ? store(table, "alias", "wso2carbon") : null,
                    new Located(store(table, "password", "wso2carbon"), path, passwordLine)));
        }
        return found;
    }

    /** Micro Integrator's {@code [[datasource]]} entries (its coordination database among them), each at its id's line. */
    private List<Datasource> datasourceArray() {
        List<Datasource> found = new ArrayList<>();
        if (toml == null || !toml.parsed().isArray(DatabaseNames.TOML_DATASOURCE_ARRAY)) {
            return found;
        }
        TomlArray entries = toml.parsed().getArray(DatabaseNames.TOML_DATASOURCE_ARRAY);
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof TomlTable entry) || entry.getString("id") == null) {
                continue;
            }
            String id = entry.getString("id");
            var at = entry.inputPositionOf("id");
            String password = text(entry, "password");
            found.add(new Datasource(id, "jdbc/" + id, entry.get("url") == null ? null : TomlDatabases.unescaped(text(entry, "url")),
                    TomlDatabases.unescaped(text(entry, "username")), text(entry, "driver"),
                    new Located(id, path, at == null ? 1 : (int) at.line()), Secret.of(TomlDatabases.unescaped(password)),
                    password.contains("$secret{")));
        }
        return found;
    }

    private String store(String table, String key, String stock) {
        Optional<String> own = value(table + "." + key);
        if (own.isPresent()) {
            return own.get();
        }
        boolean followsPrimary = table.equals("keystore.internal") || table.equals("keystore.tls");
        return followsPrimary ? store("keystore.primary", key, stock) : stock;
    }

    private static String text(TomlTable entry, String key) {
        Object value = entry.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /** A setting's value and line: its key's, else its table's ({@code fallbackLine}). */
    private Located located(Setting setting, int fallbackLine) {
        if (toml == null || TomlLocations.hasNoKey(setting)) {
            return Located.absent(path);
        }
        String key = TomlLocations.key(setting);
        Optional<String> value = value(key).or(() -> Optional.ofNullable(FALLBACKS.get(setting)));
        int own = toml.lineOf(key);
        return new Located(value.orElse(null), path, own > 0 ? own : fallbackLine);
    }

    private int line(Setting setting) {
        int own = toml.lineOf(TomlLocations.key(setting));
        return own > 0 ? own : tableLine(setting);
    }

    /** The line of the setting's table header, or 1 when the file has none. */
    private int tableLine(Setting setting) {
        if (toml == null) {
            return 0;
        }
        String key = TomlLocations.key(setting);
        String table = setting == Setting.CLUSTERING ? key : key.substring(0, key.lastIndexOf('.'));
        return Math.max(1, toml.lineOf(table));
    }

    /** A value: the file's, else the product's default (following {@code $ref{}}). */
    private Optional<String> value(String key) {
        Optional<Object> own = toml == null ? Optional.empty() : toml.value(key);
        if (own.isPresent()) {
            return own.map(TomlNodeSettings::text);
        }
        Object fallback = defaults.get(key);
        if (fallback == null) {
            return Optional.empty();
        }
        String text = text(fallback);
        Matcher ref = REF.matcher(text);
        if (ref.matches() && !ref.group(1).equals(key)) {
            return value(ref.group(1));
        }
        return Optional.of(text);
    }

    private static String text(Object value) {
        return value instanceof TomlArray array ? array.toList().toString() : String.valueOf(value);
    }
}
