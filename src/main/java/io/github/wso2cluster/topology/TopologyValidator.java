package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns the POM's cluster description into a {@link Cluster}, applying every default of the contract, or
 * reports every problem at once, each naming its element ({@code nodes[2] 'worker2': ...}).
 */
public final class TopologyValidator {
    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Long enough for any real name; a longer id would make file names (id.zip.<n>.part) too long for the disk. */
    static final int MAX_ID_LENGTH = 64;
    private static final Pattern XML_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*");
    /** The largest stock Carbon port (JMX RMI server); an offset beyond 65535 minus it breaks the node. */
    private static final int LARGEST_STOCK_PORT = 11111;
    private static final int MAX_OFFSET = 65535 - LARGEST_STOCK_PORT;

    private final CredentialSource credentials;

    public TopologyValidator(CredentialSource credentials) {
        this.credentials = credentials;
    }

    public Cluster validate(ClusterInput input) throws InvalidTopologyException {
        Problems problems = new Problems();
        String domain = trimToNull(input.domain);
        if (domain == null) {
            problems.add("domain: is required (the axis2.xml clustering domain shared by every node, e.g. wso2.as.domain)");
        }
        String scheme = trimToNull(input.membershipScheme) == null ? "wka" : input.membershipScheme.trim();
        if (!scheme.equals("wka")) {
            problems.add("membershipScheme: '" + scheme + "' is not supported; only wka (well-known address) is");
        }
        List<MemberAddress> explicitMembers = parseMembers(input.wellKnownMembers, problems);
        ProxyPorts proxyPorts = proxyPorts(input.proxyPorts, problems);
        DeploymentSynchronizer depSync = deploymentSynchronizer(input.deploymentSynchronizer, problems);
        List<String> hostsEntries = hostsEntries(input.hostsEntries, problems);
        List<XmlEdit> xmlEdits = xmlEdits("xmlEdits", input.xmlEdits, problems);
        List<Node> nodes = nodes(input, problems);
        String confDirectory = confDirectory(input.confDirectory, problems);

        if (!problems.isEmpty()) {
            throw new InvalidTopologyException(problems.list);
        }
        List<MemberAddress> wellKnown = explicitMembers != null ? explicitMembers : derivedMembers(nodes);
        return new Cluster(domain, scheme, wellKnown, proxyPorts, depSync, hostsEntries, nodes, xmlEdits,
                confDirectory);
    }

    /** The contract's rule: the nodes marked wellKnown, or if none is marked, every manager. */
    static List<MemberAddress> derivedMembers(List<Node> nodes) {
        List<MemberAddress> marked = nodes.stream().filter(Node::wellKnown).map(Node::memberAddress).toList();
        if (!marked.isEmpty()) {
            return marked;
        }
        return nodes.stream().filter(Node::isManager).map(Node::memberAddress).toList();
    }

    private List<Node> nodes(ClusterInput input, Problems problems) {
        List<NodeInput> inputs = input.nodes == null ? List.of() : input.nodes;
        if (inputs.isEmpty()) {
            problems.add("nodes: at least one <node> is required");
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        Map<MemberAddress, String> seenMembers = new HashMap<>();
        Map<String, Map<Integer, String>> webPortsByHost = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            NodeInput in = inputs.get(i);
            String id = trimToNull(in.getId());
            String where = "nodes[" + i + "]" + (id == null ? "" : " '" + id + "'");
            int before = problems.size();
            if (id == null) {
                problems.add(where + ": id is required (it becomes the node zip's classifier)");
            } else if (!NODE_ID.matcher(id).matches()) {
                problems.add(where + ": id '" + id + "' is not a valid classifier; use lower-case letters, digits"
                        + " and '-', starting with a letter or digit");
            } else if (id.length() > MAX_ID_LENGTH) {
                problems.add(where + ": id is " + id.length() + " characters long; use at most " + MAX_ID_LENGTH);
            } else if (seenIds.containsKey(id)) {
                problems.add(where + ": id '" + id + "' is already used by " + seenIds.get(id));
            } else {
                seenIds.put(id, where);
            }
            Optional<Role> role = Role.parse(in.getRole());
            if (trimToNull(in.getRole()) == null) {
                problems.add(where + ": role is required (manager or worker)");
            } else if (role.isEmpty()) {
                problems.add(where + ": role '" + in.getRole().trim() + "' is unknown; use manager or worker");
            }
            String host = trimToNull(in.getLocalMemberHost());
            if (host == null) {
                problems.add(where + ": localMemberHost is required (the address other members reach this node on)");
            }
            int port = Ports.DEFAULT_MEMBER_PORT;
            if (trimToNull(in.getLocalMemberPort()) != null) {
                Optional<Integer> parsed = Ports.parse(in.getLocalMemberPort());
                if (parsed.isEmpty()) {
                    problems.add(where + ": localMemberPort " + in.getLocalMemberPort().trim() + " is not a port (1-65535)");
                } else {
                    port = parsed.get();
                }
            }
            int offset = 0;
            boolean offsetGiven = trimToNull(in.getPortOffset()) != null;
            if (offsetGiven) {
                String text = in.getPortOffset().trim();
                if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > MAX_OFFSET) {
                    problems.add(where + ": portOffset " + text + " is not an offset (0-" + MAX_OFFSET + ")");
                } else {
                    offset = Integer.parseInt(text);
                }
            }
            boolean wellKnown = parseBoolean(in.getWellKnown(), where + ": wellKnown", problems);
            String subDomain = trimToNull(in.getSubDomain());
            if (subDomain == null && role.isPresent()) {
                subDomain = role.get().defaultSubDomain();
            }
            String hostName = firstNonNull(trimToNull(in.getHostName()), trimToNull(input.hostName));
            String mgtHostName = null;
            if (role.orElse(null) == Role.MANAGER) {
                mgtHostName = firstNonNull(trimToNull(in.getMgtHostName()), trimToNull(input.mgtHostName));
            } else if (role.isPresent() && trimToNull(in.getMgtHostName()) != null) {
                problems.add(where + ": mgtHostName applies to managers only; remove it from this worker");
            }
            List<XmlEdit> edits = xmlEdits(where + " xmlEdits", in.getXmlEdits(), problems);

            if (host != null) {
                MemberAddress member = MemberAddress.of(host, port);
                String other = seenMembers.putIfAbsent(member, where);
                if (other != null) {
                    problems.add(where + ": localMemberHost:localMemberPort " + member + " is already used by " + other
                            + "; co-hosted nodes need different localMemberPorts");
                }
                checkWebPorts(where, host, offset, webPortsByHost, problems);
            }
            if (problems.size() == before) {
                nodes.add(new Node(id, role.get(), host, port, offset, offsetGiven, wellKnown, subDomain, hostName, mgtHostName, edits));
            }
        }
        if (inputs.stream().noneMatch(n -> Role.parse(n.getRole()).orElse(null) == Role.MANAGER)) {
            problems.add("nodes: no node has role manager; a cluster needs one (it runs the management console"
                    + " and commits deployments)");
        }
        return nodes;
    }

    /** Co-hosted nodes must not get the same HTTP or HTTPS port once their offsets are applied. */
    private static void checkWebPorts(String where, String host, int offset,
                                      Map<String, Map<Integer, String>> webPortsByHost, Problems problems) {
        Map<Integer, String> used = webPortsByHost.computeIfAbsent(host.toLowerCase(Locale.ROOT),
                h -> new HashMap<>());
        Map<String, Integer> mine = new LinkedHashMap<>();
        mine.put("HTTP", Ports.STOCK_HTTP + offset);
        mine.put("HTTPS", Ports.STOCK_HTTPS + offset);
        for (Map.Entry<String, Integer> port : mine.entrySet()) {
            String other = used.get(port.getValue());
            if (other != null) {
                problems.add(where + ": portOffset " + offset + " gives " + port.getKey() + " port " + port.getValue()
                        + ", which " + other + " on the same host " + host + " also uses; give each co-hosted"
                        + " node its own portOffset");
            }
        }
        for (Map.Entry<String, Integer> port : mine.entrySet()) {
            used.putIfAbsent(port.getValue(), where + " (" + port.getKey() + ")");
        }
    }

    private static List<MemberAddress> parseMembers(List<String> members, Problems problems) {
        if (members == null) {
            return null;
        }
        List<MemberAddress> parsed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            MemberAddress.Parsed result = MemberAddress.parse(members.get(i));
            if (result.ok()) {
                parsed.add(result.address());
            } else {
                problems.add("wellKnownMembers[" + i + "]: " + result.problem());
            }
        }
        return parsed;
    }

    private static ProxyPorts proxyPorts(ProxyPortsInput in, Problems problems) {
        if (in == null) {
            return null;
        }
        Integer http = optionalPort("proxyPorts/http", in.getHttp(), problems);
        Integer https = optionalPort("proxyPorts/https", in.getHttps(), problems);
        return http == null && https == null ? null : new ProxyPorts(http, https);
    }

    private static Integer optionalPort(String where, String text, Problems problems) {
        if (trimToNull(text) == null) {
            return null;
        }
        Optional<Integer> port = Ports.parse(text);
        if (port.isEmpty()) {
            problems.add(where + ": " + text.trim() + " is not a port (1-65535)");
            return null;
        }
        return port.get();
    }

    private DeploymentSynchronizer deploymentSynchronizer(DeploymentSynchronizerInput in, Problems problems) {
        if (in == null) {
            return null;
        }
        String url = trimToNull(in.getSvnUrl());
        if (url == null) {
            problems.add("deploymentSynchronizer/svnUrl: is required when deploymentSynchronizer is configured");
        }
        boolean append = trimToNull(in.getAppendTenantId()) == null
                || parseBoolean(in.getAppendTenantId(), "deploymentSynchronizer/appendTenantId", problems);
        String serverId = trimToNull(in.getServerId());
        String user = trimToNull(in.getSvnUser());
        Secret password = Secret.of(in.getSvnPassword() == null || in.getSvnPassword().isEmpty()
                ? null : in.getSvnPassword());
        if (serverId != null) {
            if (user != null || password != null) {
                problems.add("deploymentSynchronizer: set serverId or svnUser/svnPassword, not both");
            }
            Optional<Credentials> found;
            try {
                found = credentials.lookup(serverId);
            } catch (CredentialSource.Unavailable e) {
                // Listed with the other problems, not an abort: the user sees everything to fix at once.
                problems.add("deploymentSynchronizer/serverId: " + e.getMessage());
                return new DeploymentSynchronizer(url, user, password, append);
            }
            if (found.isEmpty()) {
                problems.add("deploymentSynchronizer/serverId: no <server> with id '" + serverId
                        + "' in settings.xml; add one with <username> and <password>");
            } else {
                user = found.get().user();
                password = found.get().password();
            }
        }
        return new DeploymentSynchronizer(url, user, password, append);
    }

    private static String confDirectory(String value, Problems problems) {
        if (trimToNull(value) == null) {
            return null;
        }
        // A folder relative to the top folder, in normal form (wso2/business-process/conf), never outside it.
        String folder = value.trim().replace('\\', '/').replaceAll("/+$", "").replaceAll("^(\\./)+", "");
        boolean plain = !folder.isEmpty() && !folder.startsWith("/") && !folder.matches("[A-Za-z]:.*")
                && Arrays.stream(folder.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (!plain) {
            problems.add("confDirectory: '" + value.trim() + "' is not a folder inside the distribution's top folder;"
                    + " give it relative to the top folder, without '..', e.g. wso2/business-process/conf");
            return null;
        }
        return folder;
    }

    private static List<String> hostsEntries(List<String> entries, Problems problems) {
        List<String> clean = new ArrayList<>();
        if (entries == null) {
            return clean;
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).trim();
            if (entry.contains("\n") || entry.contains("\r") || entry.split("\\s+").length < 2) {
                problems.add("hostsEntries[" + i + "]: '" + entry + "' is not one hosts line 'address name [name...]'");
            } else {
                clean.add(entry.replaceAll("\\s+", " "));
            }
        }
        return clean;
    }

    private static List<XmlEdit> xmlEdits(String where, List<XmlEditInput> inputs, Problems problems) {
        List<XmlEdit> edits = new ArrayList<>();
        if (inputs == null) {
            return edits;
        }
        for (int i = 0; i < inputs.size(); i++) {
            XmlEditInput in = inputs.get(i);
            String at = where + "[" + i + "]";
            String file = trimToNull(in.getFile());
            String xpath = trimToNull(in.getXpath());
            if (file == null) {
                problems.add(at + ": file is required (relative to the distribution's top folder,"
                        + " e.g. repository/conf/carbon.xml)");
            } else if (file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")) {
                problems.add(at + ": file '" + file + "' must be a relative path inside the distribution");
            }
            if (xpath == null) {
                problems.add(at + ": xpath is required");
            }
            String attribute = trimToNull(in.getAttribute());
            if (attribute != null && (!XML_NAME.matcher(attribute).matches() || attribute.equals("xmlns")
                    || attribute.startsWith("xmlns:"))) {
                problems.add(at + ": attribute '" + attribute + "' is not an attribute name (letters, digits, '.', '-',"
                        + " '_', one optional 'prefix:'; not xmlns)");
            }
            if (in.getValue() == null) {
                problems.add(at + ": value is required");
            }
            if (file != null && xpath != null && in.getValue() != null) {
                edits.add(new XmlEdit(file, xpath, trimToNull(in.getAttribute()), in.getValue()));
            }
        }
        return edits;
    }

    private static boolean parseBoolean(String text, String where, Problems problems) {
        String value = trimToNull(text);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        problems.add(where + ": '" + value + "' is not true or false");
        return false;
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String problem) {
            list.add(problem);
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }
}
