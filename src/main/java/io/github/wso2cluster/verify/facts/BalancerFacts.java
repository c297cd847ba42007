package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.NginxDirectives;
import io.github.wso2cluster.config.NginxDirectives.Directive;
import io.github.wso2cluster.topology.SessionAffinity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load balancer's configuration as verify-cluster reads it: upstreams, route maps and server blocks,
 * each with its line, parsed from the generated file (or a hand-edited copy of it).
 */
public final class BalancerFacts {
    private static final Pattern AFFINITY = Pattern.compile("(?m)^# sessionAffinity: (\\w+)\\s*$");

    /** The file as the reports name it. */
    private final String file;
    /** The file as configure-cluster wrote it (the live check starts nginx on it). */
    private final String text;
    private final Map<String, List<Server>> upstreams = new LinkedHashMap<>();
    private final Map<String, Integer> upstreamLines = new LinkedHashMap<>();
    private final Map<String, RouteMap> maps = new LinkedHashMap<>();
    private final List<Site> sites = new ArrayList<>();
    private final SessionAffinity affinity;

    /** An upstream's {@code server host:port}. */
    public record Server(String address, int line) {
    }

    /** A {@code map $cookie_JSESSIONID $var}: cookie pattern to upstream, and the default. */
    public record RouteMap(Map<String, String> routes, String fallback, int line) {
    }

    /**
     * A {@code server} block.
     *
     * @param target the upstream or {@code $variable} of its {@code proxy_pass}, or null (a redirect)
     */
    public record Site(String name, int listen, boolean ssl, String target, int line) {
    }

    private BalancerFacts(String file, String text, SessionAffinity affinity) {
        this.file = file;
        this.text = text;
        this.affinity = affinity;
    }

    /** Reads the configuration; a syntax error names the file and line. */
    public static BalancerFacts parse(String file, String text) throws ConfigFileException {
        Matcher declared = AFFINITY.matcher(text);
        SessionAffinity affinity = declared.find() ? SessionAffinity.parse(declared.group(1)).orElse(null) : null;
        BalancerFacts facts = new BalancerFacts(file, text, affinity);
        for (Directive directive : NginxDirectives.parse(file, text)) {
            switch (directive.name()) {
                case "upstream" -> {
                    List<Server> servers = new ArrayList<>();
                    directive.all("server").forEach(s -> servers.add(new Server(s.arg(0), s.line())));
                    facts.upstreams.put(directive.arg(0), servers);
                    facts.upstreamLines.put(directive.arg(0), directive.line());
                }
                case "map" -> {
                    Map<String, String> routes = new LinkedHashMap<>();
                    String fallback = null;
                    for (Directive entry : directive.block() == null ? List.<Directive>of() : directive.block()) {
                        if (entry.name().equals("default")) {
                            fallback = entry.arg(0);
                        } else {
                            routes.put(entry.name(), entry.arg(0));
                        }
                    }
                    facts.maps.put(directive.arg(1), new RouteMap(routes, fallback, directive.line()));
                }
                case "server" -> {
                    String name = directive.first("server_name").map(d -> d.arg(0)).orElse(null);
                    String target = directive.first("location").flatMap(l -> l.first("proxy_pass"))
                            .map(p -> p.arg(0).replaceFirst("^https?://", "")).orElse(null);
                    for (Directive listen : directive.all("listen")) {
                        String port = listen.arg(0).replaceFirst("^.*:", "");
                        facts.sites.add(new Site(name, port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1,
                                listen.args().contains("ssl"), target, directive.line()));
                    }
                }
                default -> {
                    // nothing else belongs in the generated file; nginx -t judges the rest
                }
            }
        }
        return facts;
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** The affinity the file declares in its header, or null for a file that does not say. */
    public SessionAffinity affinity() {
        return affinity;
    }

    public List<Site> sites() {
        return sites;
    }

    public List<Site> sites(String name, boolean ssl) {
        return sites.stream().filter(s -> name.equals(s.name()) && s.ssl() == ssl).toList();
    }

    public Map<String, List<Server>> upstreams() {
        return upstreams;
    }

    public int upstreamLine(String name) {
        return upstreamLines.getOrDefault(name, 0);
    }

    /** The upstream a request without session cookie reaches from {@code target} (a map's default). */
    public Optional<String> balancedUpstream(String target) {
        if (target == null) {
            return Optional.empty();
        }
        if (target.startsWith("$")) {
            return Optional.ofNullable(maps.get(target)).map(RouteMap::fallback);
        }
        return Optional.of(target);
    }

    public Optional<RouteMap> routeMap(String target) {
        return target != null && target.startsWith("$") ? Optional.ofNullable(maps.get(target)) : Optional.empty();
    }

    public Located at(int line, String value) {
        return new Located(value, file, line);
    }
}
