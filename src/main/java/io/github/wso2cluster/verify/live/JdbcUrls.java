package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.topology.database.JdbcUrlSafety;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL and connection properties the live database check connects with: the node's host names resolved through
 * its {@code cluster/hosts}, automatic reconnection off and short timeouts whatever the URL says (with WSO2's
 * {@code autoReconnect=true}, a bad password takes seconds of retries before the real error shows), and every
 * parameter that lets the server act on the build machine (read its files, deserialize, load a class by name)
 * removed from the URL and, where the driver takes it, switched off again by a connection property, which
 * Connector/J lets override the URL's.
 */
final class JdbcUrls {
    /** {@code jdbc:mysql://host...}, {@code jdbc:sqlserver://host...}, {@code jdbc:oracle:thin:@//host...}. */
    private static final Pattern SLASHED_HOST = Pattern.compile("^(jdbc:[A-Za-z0-9]+:(?:[A-Za-z0-9]+:)*@?//)([^/:?;,\\[\\]]+)");
    /** {@code jdbc:oracle:thin:@host:1521:SID}. */
    private static final Pattern AT_HOST = Pattern.compile("^(jdbc:oracle:[A-Za-z0-9]+:@)([^/:?;,\\[\\]]+)");
    static final int TIMEOUT_MILLIS = 2000;

    /**
     * What to connect with.
     *
     * @param removed  the URL's parameters the check dropped (named in the case's text)
     * @param refusal  why the check does not connect at all (a client-side setting it cannot remove), or null
     */
    record Prepared(String url, Properties properties, List<String> removed, String refusal) {
    }

    private JdbcUrls() {
    }

    /** The URL to connect with: host mapped, dangerous parameters gone, reconnection off, timeouts set. */
    static Prepared forLiveCheck(String url, Map<String, String> hosts) {
        List<String> outside = JdbcUrlSafety.namedOutsideParameters(url);
        if (!outside.isEmpty()) {
            return new Prepared(null, new Properties(), List.of(), "the URL sets " + String.join(", ", outside)
                    + " outside its parameter list, which lets the database server act on the machine that connects;"
                    + " the live check does not connect with it (move or remove it)");
        }
        List<String> removed = new ArrayList<>();
        String mapped = mapHost(url, hosts);
        String safe = without(mapped, removed);
        String protocol = mapped.length() > 5 ? mapped.substring(5, Math.max(5, mapped.indexOf(':', 5))).toLowerCase(Locale.ROOT) : "";
        Properties properties = new Properties();
        String withTimeouts = switch (protocol) {
            case "mysql" -> {
                // Connection properties win over the URL's in Connector/J: these hold whatever the URL spells.
                properties.setProperty("allowLoadLocalInfile", "false");
                properties.setProperty("allowUrlInLocalInfile", "false");
                properties.setProperty("autoDeserialize", "false");
                properties.setProperty("autoReconnect", "false");
                properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_MILLIS));
                properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_MILLIS));
                yield withQuery(without(safe, "autoReconnect", "connectTimeout", "socketTimeout"),
                        "autoReconnect=false&connectTimeout=" + TIMEOUT_MILLIS + "&socketTimeout=" + TIMEOUT_MILLIS);
            }
            case "mariadb" -> {
                // MariaDB Connector/J allows LOAD DATA LOCAL INFILE unless told not to.
                properties.setProperty("allowLocalInfile", "false");
                yield withQuery(without(safe, "autoReconnect", "connectTimeout", "socketTimeout", "allowLocalInfile"),
                        "allowLocalInfile=false&connectTimeout=" + TIMEOUT_MILLIS + "&socketTimeout=" + TIMEOUT_MILLIS);
            }
            case "postgresql" -> withQuery(without(safe, "connectTimeout", "socketTimeout", "loginTimeout"),
                    "connectTimeout=" + TIMEOUT_MILLIS / 1000 + "&socketTimeout=" + TIMEOUT_MILLIS / 1000);
            case "sqlserver" -> safe + ";loginTimeout=" + TIMEOUT_MILLIS / 1000;
            default -> safe;
        };
        return new Prepared(withTimeouts, properties, removed, null);
    }

    static String mapHost(String url, Map<String, String> hosts) {
        for (Pattern pattern : new Pattern[] {SLASHED_HOST, AT_HOST}) {
            Matcher matcher = pattern.matcher(url);
            if (matcher.find()) {
                String address = hosts.get(matcher.group(2).toLowerCase(Locale.ROOT));
                return address == null ? url : matcher.group(1) + address + url.substring(matcher.end());
            }
        }
        return url;
    }

    /** The URL as a report may show it: every password masked. */
    static String printable(String url) {
        return JdbcUrlSafety.masked(url);
    }

    /** The URL without its client-side parameters; their names go to {@code removed}. */
    private static String without(String url, List<String> removed) {
        return filter(url, name -> {
            if (JdbcUrlSafety.clientSide(name)) {
                removed.add(name);
                return true;
            }
            return false;
        });
    }

    private static String without(String url, String... parameters) {
        return filter(url, name -> List.of(parameters).stream().anyMatch(name::equalsIgnoreCase));
    }

    private static String filter(String url, java.util.function.Predicate<String> drop) {
        int start = url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlserver:") || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")
                ? url.indexOf(';') : url.indexOf('?');
        if (start < 0) {
            return url;
        }
        String separator = url.charAt(start) == ';' ? ";" : "&";
        StringBuilder kept = new StringBuilder();
        for (String parameter : url.substring(start + 1).split(separator)) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!parameter.isEmpty() && !drop.test(name.trim())) {
                kept.append(kept.length() == 0 ? "" : separator).append(parameter);
            }
        }
        return url.substring(0, start) + (kept.length() == 0 ? "" : url.charAt(start) + kept.toString());
    }

    private static String withQuery(String url, String parameters) {
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }
}
