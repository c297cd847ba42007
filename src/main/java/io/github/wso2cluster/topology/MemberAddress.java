package io.github.wso2cluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * One well-known member entry: {@code host:port}, or {@code a.b.c.d-e:port}, a range over the last octet
 * of an IPv4 address, which is how Hazelcast's TCP/IP joiner reads a member's host name; an IPv6 host is
 * written in brackets ({@code [fd00::2]:4000}).
 */
public final class MemberAddress {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})-(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final String host;
    private final int port;

    private MemberAddress(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static MemberAddress of(String host, int port) {
        return new MemberAddress(host, port);
    }

    /**
     * Parses an entry as written in the POM.
     *
     * @return the address, or an explanation of what is wrong with the text
     */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.error("is empty; write host:port or a.b.c.d-e:port");
        }
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            return Parsed.error("'" + trimmed + "' is not host:port or a.b.c.d-e:port");
        }
        String host = trimmed.substring(0, colon);
        String portText = trimmed.substring(colon + 1);
        Optional<Integer> port = Ports.parse(portText);
        if (port.isEmpty()) {
            return Parsed.error("'" + trimmed + "': " + portText + " is not a port (1-65535)");
        }
        if (host.startsWith("[") && host.endsWith("]") && HostNames.isIpv6(host.substring(1, host.length() - 1))) {
            host = host.substring(1, host.length() - 1); // [fd00::2]:4000, as Hazelcast writes an IPv6 member
        } else if (host.contains("-") && host.matches("[0-9.\\-]+")) {
            Matcher range = RANGE.matcher(host);
            if (!range.matches()) {
                return Parsed.error("'" + trimmed + "': a range is written a.b.c.d-e:port, over the last octet only");
            }
            for (int group = 1; group <= 5; group++) {
                if (Integer.parseInt(range.group(group)) > 255) {
                    return Parsed.error("'" + trimmed + "': " + range.group(group) + " is not an IPv4 octet");
                }
            }
            if (Integer.parseInt(range.group(5)) <= Integer.parseInt(range.group(4))) {
                return Parsed.error("'" + trimmed + "': the range end " + range.group(5)
                        + " must be greater than its start " + range.group(4));
            }
        } else if (!HOST.matcher(host).matches()) {
            return Parsed.error("'" + HostNames.shown(trimmed) + "': '" + HostNames.shown(host) + "' is not a host name or IP"
                    + " address (IPv6 in brackets: [fd00::2]:4000)");
        }
        return new Parsed(new MemberAddress(host, port.get()), null);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean isRange() {
        return RANGE.matcher(host).matches();
    }

    /** Every {@code host:port} this entry stands for: one, or one per address of the range. */
    public List<MemberAddress> expand() {
        Matcher range = RANGE.matcher(host);
        if (!range.matches()) {
            return List.of(this);
        }
        String prefix = range.group(1) + "." + range.group(2) + "." + range.group(3) + ".";
        int from = Integer.parseInt(range.group(4));
        int to = Integer.parseInt(range.group(5));
        List<MemberAddress> all = new ArrayList<>(to - from + 1);
        for (int octet = from; octet <= to; octet++) {
            all.add(new MemberAddress(prefix + octet, port));
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberAddress that && that.port == port && that.host.equalsIgnoreCase(host);
    }

    @Override
    public int hashCode() {
        return host.toLowerCase(Locale.ROOT).hashCode() * 31 + port;
    }

    @Override
    public String toString() {
        return HostNames.address(host, port);
    }

    /** The outcome of {@link #parse(String)}. */
    public record Parsed(MemberAddress address, String problem) {
        static Parsed error(String problem) {
            return new Parsed(null, problem);
        }

        public boolean ok() {
            return address != null;
        }
    }
}
