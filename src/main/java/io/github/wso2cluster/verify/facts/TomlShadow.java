package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.ConfigPaths;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.config.XmlEscapes;
import io.github.wso2cluster.topology.Ports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployment.toml product's templates render from its deployment.toml, as far as the cluster depends on
 * it: axis2.xml's clustering, carbon.xml's host names and offset, catalina-server.xml's connectors and the
 * datasources, as small XML files that verify-cluster's checks read like the real ones. Each element stands on
 * the line of the deployment.toml key it comes from, so every finding names deployment.toml and that line;
 * a value the file leaves to the templates' defaults ({@code default.json}, {@code $ref{}} followed) stands on
 * the line of its table, or line 1.
 */
final class TomlShadow {
    static final String AGENT = "org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent";
    private static final Pattern REF = Pattern.compile("\\$ref\\{([^}]+)}");
    /** The datasource names and JNDI names WSO2's templates give the [database.*] tables. */
    private static final Map<String, String[]> DATASOURCES = Map.of(
            "shared_db", new String[] {"WSO2_SHARED_DB", "jdbc/SHARED_DB"},
            "user", new String[] {"WSO2USER_DB", "jdbc/WSO2USER_DB"},
            "identity_db", new String[] {"WSO2_IDENTITY_DB", "jdbc/WSO2IdentityDB"},
            "apim_db", new String[] {"WSO2AM_DB", "jdbc/WSO2AM_DB"},
            "local", new String[] {"WSO2_CARBON_DB", "jdbc/WSO2CarbonDB"});

    private final TomlSource toml;
    private final Map<String, Object> defaults;
    private final int lines;

    private TomlShadow(TomlSource toml, Map<String, Object> defaults) {
        this.toml = toml;
        this.defaults = defaults;
        this.lines = (int) toml.text().chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * @param defaults the product's default.json, flattened to dotted keys (empty when it has none)
     * @return the shadow files by the path of the XML file they stand for
     */
    static Map<String, byte[]> render(TomlSource toml, ConfigPaths paths, Map<String, Object> defaults) {
        TomlShadow shadow = new TomlShadow(toml, defaults);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(paths.axis2(), shadow.axis2());
        files.put(paths.carbon(), shadow.carbon());
        files.put(paths.catalina(), shadow.catalina());
        files.put(paths.datasources(), shadow.datasources());
        return files;
    }

    /** A value: the file's, else the product's default (following {@code $ref{}}). */
    private Optional<String> value(String key) {
        Optional<Object> own = toml.value(key);
        if (own.isPresent()) {
            return own.map(TomlShadow::text);
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
        if (value instanceof org.tomlj.TomlArray array) {
            return array.toList().toString();
        }
        return String.valueOf(value);
    }

    /** The line an element goes on: its key's, else {@code fallback}'s, never before {@code floor}. */
    private int line(String key, int fallback, int floor) {
        int line = toml.lineOf(key);
        return Math.max(floor, line > 0 ? line : fallback);
    }

    private byte[] axis2() {
        Lines out = new Lines(lines);
        int table = Math.max(1, toml.lineOf("clustering"));
        out.add(1, "<axisconfig name=\"AxisJava2.0\">");
        boolean enabled = toml.value("clustering.membership_scheme").isPresent();
        out.add(table, "<clustering class=\"" + value("clustering.agent").orElse(AGENT) + "\" enable=\"" + enabled + "\">");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("clustering.membership_scheme", "membershipScheme");
        parameters.put("clustering.domain", "domain");
        parameters.put("clustering.local_member_host", "localMemberHost");
        parameters.put("clustering.local_member_port", "localMemberPort");
        Map<String, String> fallbacks = Map.of("clustering.membership_scheme", "multicast",
                "clustering.domain", "wso2.carbon.domain");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            Optional<String> value = value(parameter.getKey()).or(() -> Optional.ofNullable(fallbacks.get(parameter.getKey())));
            value.ifPresent(v -> out.add(line(parameter.getKey(), table, table), "<parameter name=\"" + parameter.getValue()
                    + "\">" + XmlEscapes.text(v) + "</parameter>"));
        }
        Optional<Object> members = toml.value("clustering.members");
        if (members.isPresent() && members.get() instanceof org.tomlj.TomlArray array) {
            StringBuilder block = new StringBuilder("<members>");
            for (Object member : array.toList()) {
                String entry = String.valueOf(member);
                int colon = entry.lastIndexOf(':');
                String host = colon < 0 ? entry : entry.substring(0, colon);
                String port = colon < 0 ? "" : entry.substring(colon + 1);
                block.append("<member><hostName>").append(XmlEscapes.text(host)).append("</hostName><port>")
                        .append(XmlEscapes.text(port)).append("</port></member>");
            }
            out.add(line("clustering.members", table, table), block.append("</members>").toString());
        }
        out.add(out.last(), "</clustering></axisconfig>");
        return out.bytes();
    }

    private byte[] carbon() {
        Lines out = new Lines(lines);
        int server = Math.max(1, toml.lineOf("server"));
        out.add(1, "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">");
        value("server.hostname").ifPresent(v -> out.add(line("server.hostname", server, 1), "<HostName>"
                + XmlEscapes.text(v) + "</HostName>"));
        Optional<String> mgt = value("server.mgt_console_hostname").or(() -> value("server.hostname"));
        String mgtKey = toml.value("server.mgt_console_hostname").isPresent() ? "server.mgt_console_hostname" : "server.hostname";
        mgt.ifPresent(v -> out.add(line(mgtKey, server, 1), "<MgtHostName>" + XmlEscapes.text(v) + "</MgtHostName>"));
        out.add(line("server.offset", server, 1), "<Ports><Offset>" + XmlEscapes.text(value("server.offset").orElse("0"))
                + "</Offset></Ports>");
        out.add(out.last(), "</Server>");
        return out.bytes();
    }

    private byte[] catalina() {
        Lines out = new Lines(lines);
        out.add(1, "<Server><Service name=\"Catalina\">");
        for (boolean secure : new boolean[] {false, true}) {
            String prefix = secure ? "transport.https.properties." : "transport.http.properties.";
            String port = value(prefix + "port").orElse(String.valueOf(secure ? Ports.STOCK_HTTPS : Ports.STOCK_HTTP));
            Optional<String> proxy = value(prefix + "proxyPort");
            int at = toml.lineOf(prefix + "proxyPort") > 0 ? toml.lineOf(prefix + "proxyPort")
                    : Math.max(1, toml.lineOf(prefix + "port"));
            out.add(at, "<Connector protocol=\"HTTP/1.1\" port=\"" + XmlEscapes.attribute(port, '"') + "\""
                    + (secure ? " SSLEnabled=\"true\" scheme=\"https\"" : "")
                    + proxy.map(p -> " proxyPort=\"" + XmlEscapes.attribute(p, '"') + "\"").orElse("") + "/>");
        }
        out.add(out.last(), "</Service></Server>");
        return out.bytes();
    }

    private byte[] datasources() {
        Lines out = new Lines(lines);
        out.add(1, "<datasources-configuration><datasources>");
        Optional<Object> databases = toml.value("database");
        if (databases.isPresent() && databases.get() instanceof org.tomlj.TomlTable table) {
            for (String name : table.keySet()) {
                String key = "database." + name;
                Optional<String> url = value(key + ".url");
                if (url.isEmpty()) {
                    continue;
                }
                String[] names = DATASOURCES.getOrDefault(name, new String[] {name.toUpperCase(Locale.ROOT),
                        "jdbc/" + name.toUpperCase(Locale.ROOT)});
                out.add(line(key + ".url", Math.max(1, toml.lineOf(key)), 1), "<datasource><name>" + names[0] + "</name>"
                        + "<jndiConfig><name>" + names[1] + "</name></jndiConfig><definition type=\"RDBMS\"><configuration>"
                        + "<url>" + XmlEscapes.text(url.get()) + "</url>"
                        + "<username>" + XmlEscapes.text(value(key + ".username").orElse("")) + "</username>"
                        + "<password>" + XmlEscapes.text(value(key + ".password").orElse("")) + "</password>"
                        + "<driverClassName>" + XmlEscapes.text(value(key + ".driver").orElse("")) + "</driverClassName>"
                        + "</configuration></definition></datasource>");
            }
        }
        out.add(out.last(), "</datasources></datasources-configuration>");
        return out.bytes();
    }

    /** A text of as many lines as the deployment.toml, elements placed on given lines, in line order. */
    private static final class Lines {
        private final List<StringBuilder> lines = new ArrayList<>();

        Lines(int count) {
            for (int i = 0; i < count; i++) {
                lines.add(new StringBuilder());
            }
        }

        void add(int line, String content) {
            lines.get(Math.min(Math.max(line, 1), lines.size()) - 1).append(content);
        }

        int last() {
            return lines.size();
        }

        byte[] bytes() {
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
    }
}
