package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.NginxDirectives;
import io.github.wso2cluster.config.NginxDirectives.Directive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load balancer's file made fit for the live check: every node address, listen port and certificate mapped
 * onto this machine, then proven to be so. The private nginx must listen on loopback only and reach only the
 * loopback responders, whatever the file says (a hand edit, or a value that slipped into a directive): every
 * {@code listen} must end up {@code 127.0.0.1:<port>}, every upstream {@code server} {@code 127.0.0.1:<port>},
 * every {@code proxy_pass} an upstream of the file (directly or through a map of upstream names), and there is
 * no {@code include}; otherwise nginx is not started.
 */
final class LoopbackConfig {
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("^(\\s*server\\s+)([^\\s;{]+)(\\s*;.*)$");
    private static final Pattern LISTEN = Pattern.compile("^(\\s*listen\\s+)(\\d+)((?:\\s+ssl)?\\s*;.*)$");
    private static final Pattern CERTIFICATE = Pattern.compile("^(\\s*ssl_certificate(_key)?\\s+)([^;]+)(;.*)$");
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1:\\d{1,5}");

    private LoopbackConfig() {
    }

    /** The generated file with every node address, listen port and certificate mapped onto this machine. */
    static String rewrite(String config, LoopbackPlan plan, Map<Integer, Integer> listens, Path work) {
        StringBuilder out = new StringBuilder();
        for (String line : config.split("\n", -1)) {
            Matcher server = UPSTREAM_SERVER.matcher(line);
            Matcher listen = LISTEN.matcher(line);
            Matcher certificate = CERTIFICATE.matcher(line);
            if (server.matches()) {
                line = server.group(1) + "127.0.0.1:" + port(plan, server.group(2)) + server.group(3);
            } else if (listen.matches()) {
                int port = Integer.parseInt(listen.group(2));
                int local = listens.computeIfAbsent(port, p -> plan.portFor("load-balancer", p));
                line = listen.group(1) + "127.0.0.1:" + local + listen.group(3);
            } else if (certificate.matches()) {
                line = certificate.group(1) + work.resolve(certificate.group(2) == null ? "cert.pem" : "key.pem").toAbsolutePath()
                        + certificate.group(4);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The loopback port of a node address {@code host:port} ({@code [v6]:port} too). */
    static int port(LoopbackPlan plan, String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0 || !address.substring(colon + 1).matches("\\d{1,5}")) {
            return plan.portFor(address, 0);
        }
        return plan.portFor(address.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(address.substring(colon + 1)));
    }

    /**
     * Why nginx must not be started on the rewritten file, one entry per offending directive (file and line), or
     * none when it only listens on and reaches loopback.
     */
    static List<String> problems(String file, String rewritten) {
        List<Directive> top;
        try {
            top = NginxDirectives.parse(file, rewritten);
        } catch (ConfigFileException e) {
            return List.of(e.getMessage());
        }
        Set<String> upstreams = new HashSet<>();
        top.stream().filter(d -> d.name().equals("upstream") && d.arg(0) != null).forEach(d -> upstreams.add(d.arg(0)));
        Set<String> variables = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Directive map : top.stream().filter(d -> d.name().equals("map")).toList()) {
            variables.add(map.arg(1));
            for (Directive entry : map.block() == null ? List.<Directive>of() : map.block()) {
                String value = entry.args().isEmpty() ? null : entry.args().get(entry.args().size() - 1);
                if (!upstreams.contains(value)) {
                    problems.add(file + ":" + entry.line() + ": map " + map.arg(1) + " leads to '" + value
                            + "', which is no upstream of the file");
                }
            }
        }
        walk(file, top, upstreams, variables, false, problems);
        return problems;
    }

    private static void walk(String file, List<Directive> directives, Set<String> upstreams, Set<String> variables,
                             boolean inUpstream, List<String> problems) {
        for (Directive d : directives) {
            String at = file + ":" + d.line() + ": ";
            switch (d.name()) {
                case "listen" -> {
                    if (d.arg(0) == null || !LOOPBACK.matcher(d.arg(0)).matches()) {
                        problems.add(at + "listen " + String.join(" ", d.args()) + " is not on loopback (127.0.0.1:<port>)");
                    }
                }
                case "server" -> {
                    if (inUpstream && (d.arg(0) == null || !LOOPBACK.matcher(d.arg(0)).matches())) {
                        problems.add(at + "upstream server " + d.arg(0) + " is not a loopback responder");
                    }
                }
                case "proxy_pass" -> {
                    String target = d.arg(0) == null ? "" : d.arg(0).replaceFirst("^https?://", "");
                    if (!upstreams.contains(target) && !variables.contains(target)) {
                        problems.add(at + "proxy_pass " + d.arg(0) + " is not an upstream of the file");
                    }
                }
                case "include", "stream", "mail" -> problems.add(at + d.name() + " is not allowed in the live check's copy");
                default -> {
                    if (d.name().endsWith("_pass")) {
                        problems.add(at + d.name() + " is not allowed in the live check's copy (only proxy_pass to an upstream)");
                    }
                }
            }
            if (d.block() != null) {
                walk(file, d.block(), upstreams, variables, d.name().equals("upstream"), problems);
            }
        }
    }
}
