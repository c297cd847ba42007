package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.LoadBalancer;
import io.github.wso2cluster.topology.ProxyPorts;
import io.github.wso2cluster.topology.SessionAffinity;
import io.github.wso2cluster.topology.HostNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The nginx configuration that fronts the cluster: an {@code http}-context file for {@code conf.d/} holding only
 * {@code upstream}, {@code map} and {@code server} blocks (nothing Debian's stock nginx.conf already sets, no
 * {@code default_server}, nothing NGINX Plus-only such as {@code sticky}, no {@code ssl on}), so it passes
 * {@code nginx -t} on stock nginx 1.22 and later.
 *
 * <p>{@code hostName} is served by the workers (the managers when there are none), {@code mgtHostName} by the
 * managers over HTTPS (its plain HTTP port redirects). With session affinity {@code route} every node has an
 * upstream of its own, and a {@code map} sends a {@code JSESSIONID} ending in {@code .<node id>} (Tomcat's
 * {@code jvmRoute}) there; a request without one is balanced over the role's nodes. Every name is bounded so that
 * nginx's default hash sizes hold it; only a long {@code hostName} makes the file set
 * {@code server_names_hash_bucket_size}.
 */
public final class NginxConfig {
    public static final String FILE_NAME = "wso2-cluster.conf";
    /** WSO2's documented timeouts for its load balancer. */
    private static final String TIMEOUT = "5m";
    /** nginx's default hash bucket size on x86-64 (its cache line). */
    private static final int DEFAULT_BUCKET = 64;
    private static final int MAX_HEAD = 16;

    /** One node as the balancer reaches it: its address and its effective web ports (after the offset). */
    public record Backend(String nodeId, boolean manager, String host, int httpPort, int httpsPort) {
        String address(boolean secure) {
            return HostNames.address(host, secure ? httpsPort : httpPort);
        }
    }

    private NginxConfig() {
    }

    /**
     * What the upstream and variable names start with, so that two clusters' files can share one nginx: the domain
     * in nginx's name characters (at most 16 of them) and 8 hex digits of the SHA-256 of the exact domain, so that
     * domains that read alike ({@code wso2.as.domain}, {@code wso2-as-domain}, {@code WSO2.AS.DOMAIN}) still get
     * names of their own. At most 25 characters: the longest variable, {@code $<prefix>_managers_https_route},
     * then fits the 46 characters nginx's default {@code variables_hash_bucket_size} (64) holds.
     */
    public static String prefix(String domain) {
        String head = domain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (head.isEmpty() || !Character.isLetter(head.charAt(0))) {
            head = "d" + head; // "$1..." would read as a regex capture
        }
        head = head.substring(0, Math.min(head.length(), MAX_HEAD)).replaceAll("_+$", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(domain.getBytes(StandardCharsets.UTF_8));
            return head + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The {@code server_names_hash_bucket_size} that names of {@code length} characters need, or 0 when nginx's
     * default (64 on x86-64) holds them: a bucket holds a pointer, the name plus 2 rounded up to 8, and an end
     * pointer (nginx's ngx_hash_init), so 64 holds 46 characters; powers of two like nginx's own values.
     */
    static int serverNamesBucketSize(int length) {
        int needed = 8 + ((length + 2 + 7) / 8) * 8 + 8;
        if (needed <= DEFAULT_BUCKET) {
            return 0;
        }
        return Integer.highestOneBit(needed - 1) << 1;
    }

    public static String render(String domain, LoadBalancer balancer, ProxyPorts ports, List<Backend> backends) {
        return render(domain, balancer, ports, backends, balancer.sessionAffinity());
    }

    /**
     * @param domain         the cluster's domain, or null (no Hazelcast): the names then derive from {@code hostName}
     * @param servedAffinity the affinity of {@code hostName}'s upstreams: API Manager's gateways take none (API calls
     *                       carry no session), its control planes {@code balancer}'s
     */
    public static String render(String domain, LoadBalancer balancer, ProxyPorts ports, List<Backend> backends,
                                SessionAffinity servedAffinity) {
        String name = domain != null ? domain : balancer.hostName(); // no Hazelcast, no domain: the served name
        String prefix = prefix(name);
        List<Backend> managers = backends.stream().filter(Backend::manager).toList();
        List<Backend> workers = backends.stream().filter(b -> !b.manager()).toList();
        List<Backend> served = workers.isEmpty() ? managers : workers;
        StringBuilder out = new StringBuilder();
        out.append("# ").append(FILE_NAME).append(": the load balancer of the WSO2 cluster '").append(HostNames.shown(name))
                .append("', written by wso2-cluster-maven-plugin.\n")
                .append("# An http-context file: put it in nginx's conf.d/ (Debian: /etc/nginx/conf.d/). Rebuild it rather than\n")
                .append("# edit it: the nodes' proxyPort").append(balancer.sessionAffinity() == SessionAffinity.ROUTE ? " and jvmRoute" : "")
                .append(" must agree with it.\n")
                .append("# sessionAffinity: ").append(balancer.sessionAffinity().id())
                .append(servedAffinity != balancer.sessionAffinity() && !workers.isEmpty() ? " (" + balancer.hostName() + ": "
                        + servedAffinity.id() + ")" : "").append('\n');
        bucketSize(out, balancer);
        String group = workers.isEmpty() ? "managers" : "workers";
        boolean management = balancer.mgtHostName() != null && ports.https() != null && !managers.isEmpty();
        SessionAffinity groupAffinity = workers.isEmpty() ? balancer.sessionAffinity() : servedAffinity;
        for (boolean secure : new boolean[] {false, true}) {
            if ((secure ? ports.https() : ports.http()) != null) {
                upstreams(out, prefix, group, secure, served, groupAffinity);
            }
        }
        if (management && !workers.isEmpty()) {
            upstreams(out, prefix, "managers", true, managers, balancer.sessionAffinity());
        }
        for (boolean secure : new boolean[] {false, true}) {
            Integer listen = secure ? ports.https() : ports.http();
            if (listen != null) {
                server(out, balancer.hostName(), listen, secure, balancer.sslCertificate(), balancer.sslCertificateKey(),
                        target(prefix, group, secure, groupAffinity));
            }
        }
        if (management) {
            if (ports.http() != null) {
                out.append("\nserver {\n")
                        .append("    listen ").append(ports.http()).append(";\n")
                        .append("    server_name ").append(balancer.mgtHostName()).append(";\n")
                        .append("    # The management console is HTTPS only.\n")
                        .append("    return 301 https://$host").append(ports.https() == 443 ? "" : ":" + ports.https())
                        .append("$request_uri;\n}\n");
            }
            server(out, balancer.mgtHostName(), ports.https(), true, balancer.mgtSslCertificate(),
                    balancer.mgtSslCertificateKey(), target(prefix, "managers", true, balancer.sessionAffinity()));
        }
        return out.toString();
    }

    /** Long server names need a bigger server_names_hash_bucket_size than nginx's default, set here (http context). */
    private static void bucketSize(StringBuilder out, LoadBalancer balancer) {
        String longest = balancer.mgtHostName() != null && balancer.mgtHostName().length() > balancer.hostName().length()
                ? balancer.mgtHostName() : balancer.hostName();
        int size = serverNamesBucketSize(longest.length());
        if (size > 0) {
            out.append("# ").append(longest).append(" has ").append(longest.length()).append(" characters, more than nginx's")
                    .append(" default server_names_hash_bucket_size (64)\n# holds. Where nginx.conf or another file sets it")
                    .append(" (nginx -t: \"is duplicate\"), delete this line and set it\n# there to ").append(size)
                    .append(" or more.\n")
                    .append("server_names_hash_bucket_size ").append(size).append(";\n");
        }
    }

    /** The name of a role's upstream, e.g. {@code wso2_as_domain_eef5265d_workers_https} (domain wso2.as.domain). */
    public static String upstream(String prefix, String group, boolean secure) {
        return prefix + "_" + group + "_" + (secure ? "https" : "http");
    }

    /** The upstream of one node (session affinity route), e.g. {@code wso2_as_domain_eef5265d_node_worker1_https}. */
    public static String nodeUpstream(String prefix, String nodeId, boolean secure) {
        return prefix + "_node_" + nodeId.replace('-', '_') + "_" + (secure ? "https" : "http");
    }

    /** The variable the route map sets, e.g. {@code $wso2_as_domain_eef5265d_workers_https_route}. */
    private static String routeVariable(String prefix, String group, boolean secure) {
        return "$" + upstream(prefix, group, secure) + "_route";
    }

    private static void upstreams(StringBuilder out, String prefix, String group, boolean secure, List<Backend> nodes,
                                  SessionAffinity affinity) {
        String name = upstream(prefix, group, secure);
        out.append("\nupstream ").append(name).append(" {\n");
        if (affinity == SessionAffinity.HASH) {
            out.append("    hash $cookie_JSESSIONID consistent;\n");
        }
        for (Backend node : nodes) {
            out.append("    server ").append(node.address(secure)).append(";  # ").append(node.nodeId()).append('\n');
        }
        out.append("}\n");
        if (affinity != SessionAffinity.ROUTE) {
            return;
        }
        for (Backend node : nodes) {
            out.append("upstream ").append(nodeUpstream(prefix, node.nodeId(), secure)).append(" {\n    server ")
                    .append(node.address(secure)).append(";\n}\n");
        }
        // Tomcat ends the session id with ".<jvmRoute>", the node id: that node's upstream; no cookie, the role's.
        out.append("map $cookie_JSESSIONID ").append(routeVariable(prefix, group, secure)).append(" {\n");
        for (Backend node : nodes) {
            out.append("    ~\\.").append(node.nodeId()).append("$ ").append(nodeUpstream(prefix, node.nodeId(), secure))
                    .append(";\n");
        }
        out.append("    default ").append(name).append(";\n}\n");
    }

    private static String target(String prefix, String group, boolean secure, SessionAffinity affinity) {
        String scheme = secure ? "https://" : "http://";
        return scheme + (affinity == SessionAffinity.ROUTE ? routeVariable(prefix, group, secure) : upstream(prefix, group, secure));
    }

    private static void server(StringBuilder out, String name, int listen, boolean secure, String certificate, String key,
                               String target) {
        out.append("\nserver {\n")
                .append("    listen ").append(listen).append(secure ? " ssl" : "").append(";\n")
                .append("    server_name ").append(name).append(";\n");
        if (secure) {
            out.append("    ssl_certificate ").append(certificate).append(";\n")
                    .append("    ssl_certificate_key ").append(key).append(";\n");
        }
        out.append("    location / {\n")
                .append("        proxy_set_header Host $http_host;\n")
                .append("        proxy_set_header X-Forwarded-Host $host;\n")
                .append("        proxy_set_header X-Forwarded-Server $host;\n")
                .append("        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
                .append("        proxy_read_timeout ").append(TIMEOUT).append(";\n")
                .append("        proxy_send_timeout ").append(TIMEOUT).append(";\n")
                .append("        proxy_pass ").append(target).append(";\n")
                .append("    }\n}\n");
    }
}
