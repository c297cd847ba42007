package io.github.wso2cluster.topology;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * What a host name or address of the POM may be, because it is written into config files whose syntax it could
 * otherwise break (nginx's {@code server_name} and {@code upstream}s, axis2.xml, node.properties): an RFC 1123
 * host name, an IPv4 address, or an IPv6 address (in brackets where it stands for a host in a URL).
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private HostNames() {
    }

    /** An RFC 1123 host name: dot-separated labels of letters, digits and '-', at most 253 characters. */
    public static boolean isName(String text) {
        if (text == null || text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // All-numeric labels read as an IPv4 address: then it must be one.
        return !text.matches("[0-9.]+") || isIpv4(text);
    }

    public static boolean isIpv4(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    /** An IPv6 address without brackets and without a zone ({@code fd00::2}). */
    public static boolean isIpv6(String text) {
        if (text == null || !text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            // A literal with ':' is parsed, never looked up (an IPv4-mapped one, ::ffff:10.0.0.2, comes back as IPv4).
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet6Address || address instanceof Inet4Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Why {@code value} cannot be a host name that nginx serves and Carbon builds URLs with ({@code hostName},
     * {@code mgtHostName}), or null when it can: a name, an IPv4 address or a bracketed IPv6 address.
     */
    public static String serverNameProblem(String value) {
        if (isName(value) || isIpv4(value)
                || (value.startsWith("[") && value.endsWith("]") && isIpv6(value.substring(1, value.length() - 1)))) {
            return null;
        }
        if (isIpv6(value)) {
            return "'" + shown(value) + "' is an IPv6 address: write it in brackets, [" + value + "], as it stands in a URL";
        }
        return "'" + shown(value) + "' is not a host name (RFC 1123: letters, digits and '-' in dot-separated labels,"
                + " e.g. as.wso2.com) or an IP address ([fd00::1] for IPv6)";
    }

    /** Why {@code value} cannot be a member host ({@code localMemberHost}), or null: a name, IPv4 or IPv6 without brackets. */
    public static String memberHostProblem(String value) {
        if (isName(value) || isIpv4(value) || isIpv6(value)) {
            return null;
        }
        if (value.startsWith("[") && value.endsWith("]") && isIpv6(value.substring(1, value.length() - 1))) {
            return "'" + shown(value) + "': write the IPv6 address without brackets, "
                    + value.substring(1, value.length() - 1);
        }
        return "'" + shown(value) + "' is not a host name (RFC 1123: letters, digits and '-' in dot-separated labels)"
                + " or an IP address";
    }

    /** Adds a problem when the POM's {@code element} (named by {@code where}) is set but no server name. */
    static void checkServerName(String where, String value, Problems problems) {
        String problem = value == null ? null : serverNameProblem(value);
        if (problem != null) {
            problems.add(where + ": " + problem + "; it goes into nginx's server_name and carbon.xml");
        }
    }

    /** {@code host:port}, with an IPv6 host in brackets ({@code [fd00::2]:9443}), as nginx and URLs write it. */
    public static String address(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** A value as an error message shows it: on one line, control characters spelled out. */
    public static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** Why {@code domain} cannot be the clustering domain (a line break or another control character), or null. */
    public static String domainProblem(String domain) {
        return domain.chars().anyMatch(c -> c < 0x20 || c == 0x7F)
                ? "'" + shown(domain) + "' has a line break or another control character; the domain is one line"
                        + " (e.g. wso2.as.domain): it is written into axis2.xml, cluster/node.properties and the load"
                        + " balancer's file"
                : null;
    }
}
