package io.github.wso2cluster.verify.live;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL the live database check connects with: the node's host names resolved through its
 * {@code cluster/hosts}, automatic reconnection off and short timeouts whatever the URL says (with WSO2's
 * {@code autoReconnect=true}, a bad password takes seconds of retries before the real error shows).
 */
final class JdbcUrls {
    /** {@code jdbc:mysql://host...}, {@code jdbc:sqlserver://host...}, {@code jdbc:oracle:thin:@//host...}. */
    private static final Pattern SLASHED_HOST = Pattern.compile("^(jdbc:[A-Za-z0-9]+:(?:[A-Za-z0-9]+:)*@?//)([^/:?;,\\[\\]]+)");
    /** {@code jdbc:oracle:thin:@host:1521:SID}. */
    private static final Pattern AT_HOST = Pattern.compile("^(jdbc:oracle:[A-Za-z0-9]+:@)([^/:?;,\\[\\]]+)");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    static final int TIMEOUT_MILLIS = 2000;

    private JdbcUrls() {
    }

    /** The URL to connect with: host mapped, reconnection off, connect and socket timeouts set. */
    static String forLiveCheck(String url, Map<String, String> hosts) {
        String mapped = mapHost(url, hosts);
        String protocol = mapped.length() > 5 ? mapped.substring(5, Math.max(5, mapped.indexOf(':', 5))).toLowerCase(Locale.ROOT) : "";
        return switch (protocol) {
            case "mysql", "mariadb" -> withQuery(without(mapped, "autoReconnect", "connectTimeout", "socketTimeout"),
                    "autoReconnect=false&connectTimeout=" + TIMEOUT_MILLIS + "&socketTimeout=" + TIMEOUT_MILLIS);
            case "postgresql" -> withQuery(without(mapped, "connectTimeout", "socketTimeout", "loginTimeout"),
                    "connectTimeout=" + TIMEOUT_MILLIS / 1000 + "&socketTimeout=" + TIMEOUT_MILLIS / 1000);
            case "sqlserver" -> mapped + ";loginTimeout=" + TIMEOUT_MILLIS / 1000;
            default -> mapped;
        };
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

    /** The URL as a report may show it: a {@code password=} parameter masked. */
    static String printable(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1******");
    }

    private static String without(String url, String... parameters) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : url.substring(query + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            boolean drop = parameter.isEmpty();
            for (String unwanted : parameters) {
                drop |= name.equalsIgnoreCase(unwanted);
            }
            if (!drop) {
                kept.append(kept.length() == 0 ? "" : "&").append(parameter);
            }
        }
        return url.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept);
    }

    private static String withQuery(String url, String parameters) {
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }
}
