package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.database.DatabaseSettings;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.database.DriverSource;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.product.ProductRoles;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.NodeInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * Turns the POM's cluster description into a {@link Cluster}, applying every default of the contract, or
 * reports every problem at once, each naming its element ({@code nodes[2] 'worker2': ...}).
 */
public final class TopologyValidator {
    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Long enough for any real name; a longer id would make file names (id.zip.<n>.part) too long for the disk. */
    static final int MAX_ID_LENGTH = 64;
    /** The largest stock Carbon port (JMX RMI server); an offset beyond 65535 minus it breaks the node. */
    private static final int LARGEST_STOCK_PORT = 11111;
    private static final int MAX_OFFSET = 65535 - LARGEST_STOCK_PORT;

    private final CredentialSource credentials;
    private final DriverSource drivers;

    public TopologyValidator(CredentialSource credentials) {
        this(credentials, DriverSource.NONE);
    }

    /** @param drivers resolves {@code databases/driver} (a driver that does not resolve is a validation problem) */
    public TopologyValidator(CredentialSource credentials, DriverSource drivers) {
        this.credentials = credentials;
        this.drivers = drivers;
    }

    public Cluster validate(ClusterInput input) throws InvalidTopologyException {
        Problems problems = new Problems();
        ProductLine override = ProductSettings.productLine(input.product, problems);
        Product product = ProductSettings.product(input.distributionProduct, override);
        String domain = Settings.trimToNull(input.domain);
        boolean apimWithoutHazelcast = apimWithoutHazelcast(input, product);
        if (domain == null && product != null && (!product.hazelcast() || apimWithoutHazelcast)) {
            // Micro Integrator clusters through its coordination database: no Hazelcast domain to share.
        } else if (domain == null) {
            problems.add("domain: is required (the axis2.xml clustering domain shared by every node, e.g. wso2.as.domain)");
        } else if (HostNames.domainProblem(domain) != null) {
            problems.add("domain: " + HostNames.domainProblem(domain));
        }
        HostNames.checkServerName("hostName", Settings.trimToNull(input.hostName), problems);
        HostNames.checkServerName("mgtHostName", Settings.trimToNull(input.mgtHostName), problems);
        String scheme = Settings.trimToNull(input.membershipScheme) == null ? "wka" : input.membershipScheme.trim();
        if (!scheme.equals("wka")) {
            problems.add("membershipScheme: '" + scheme + "' is not supported; only wka (well-known address) is");
        }
        List<MemberAddress> explicitMembers = Settings.members(input.wellKnownMembers, problems);
        ProxyPorts proxyPorts = Settings.proxyPorts(input.proxyPorts, problems);
        DeploymentSynchronizer depSync = Settings.deploymentSynchronizer(input.deploymentSynchronizer, credentials, problems);
        List<String> hostsEntries = Settings.hostsEntries(input.hostsEntries, problems);
        List<XmlEdit> xmlEdits = Settings.xmlEdits("xmlEdits", input.xmlEdits, problems);
        List<TomlEdit> tomlEdits = Settings.tomlEdits("tomlEdits", input.tomlEdits, problems);
        List<Node> nodes = nodes(input, product, problems);
        List<String> taskNodes = ProductSettings.taskNodes(input.taskNodes, product, nodes, problems);
        if (input.nodes != null && nodes.size() == input.nodes.size()) { // a node dropped for its role is reported already
            ProductSettings.apimDeployment(product, nodes, problems);
        }
        String confDirectory = Settings.confDirectory(input.confDirectory, problems);
        Databases databases = DatabaseSettings.databases(input.databases, credentials, drivers, problems);
        LoadBalancer loadBalancer = LoadBalancerSettings.loadBalancer(input.loadBalancer, Settings.trimToNull(input.hostName),
                Settings.trimToNull(input.mgtHostName), proxyPorts, product, problems);
        SecureVault secureVault = VaultSettings.secureVault(input.secureVault, input.secrets, credentials, problems);

        if (!problems.isEmpty()) {
            throw new InvalidTopologyException(problems.list);
        }
        List<MemberAddress> wellKnown = explicitMembers != null ? explicitMembers : derivedMembers(nodes);
        return new Cluster(domain, apimWithoutHazelcast ? null : scheme, wellKnown, proxyPorts, depSync, hostsEntries, nodes, xmlEdits,
                confDirectory, databases, loadBalancer, tomlEdits, secureVault, override, taskNodes);
    }

    /** API Manager 3.x/4.x run without Hazelcast; WSO2 enables it only with an explicit membershipScheme. */
    private static boolean apimWithoutHazelcast(ClusterInput input, Product product) {
        return ApimProfiles.applies(product) && Settings.trimToNull(input.membershipScheme) == null;
    }

    /** The contract's rule: the nodes marked wellKnown, or if none is marked, every manager. */
    static List<MemberAddress> derivedMembers(List<Node> nodes) {
        List<MemberAddress> marked = nodes.stream().filter(Node::wellKnown).map(Node::memberAddress).toList();
        if (!marked.isEmpty()) {
            return marked;
        }
        return nodes.stream().filter(Node::isManager).map(Node::memberAddress).toList();
    }

    /** @param product the distribution's product, or null when unknown (the Carbon 4.x rules apply) */
    private List<Node> nodes(ClusterInput input, Product product, Problems problems) {
        List<NodeInput> inputs = input.nodes == null ? List.of() : input.nodes;
        if (inputs.isEmpty()) {
            problems.add("nodes: at least one <node> is required");
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        Map<MemberAddress, String> seenMembers = new HashMap<>();
        List<PortPlan> stockPorts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            NodeInput in = inputs.get(i);
            String id = Settings.trimToNull(in.getId());
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
            Optional<Role> role = ProductSettings.role(where, in.getRole(), product, problems);
            String host = Settings.trimToNull(in.getLocalMemberHost());
            if (host == null) {
                problems.add(where + ": localMemberHost is required (the address other members reach this node on)");
            } else if (HostNames.memberHostProblem(host) != null) {
                problems.add(where + ": localMemberHost " + HostNames.memberHostProblem(host));
            }
            int port = Ports.DEFAULT_MEMBER_PORT;
            if (Settings.trimToNull(in.getLocalMemberPort()) != null) {
                Optional<Integer> parsed = Ports.parse(in.getLocalMemberPort());
                if (parsed.isEmpty()) {
                    problems.add(where + ": localMemberPort " + in.getLocalMemberPort().trim() + " is not a port (1-65535)");
                } else {
                    port = parsed.get();
                }
            }
            int offset = 0;
            boolean offsetGiven = Settings.trimToNull(in.getPortOffset()) != null;
            if (offsetGiven) {
                String text = in.getPortOffset().trim();
                if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > MAX_OFFSET) {
                    problems.add(where + ": portOffset " + text + " is not an offset (0-" + MAX_OFFSET + ")");
                } else {
                    offset = Integer.parseInt(text);
                }
            }
            boolean wellKnown = Settings.parseBoolean(in.getWellKnown(), where + ": wellKnown", problems);
            String subDomain = Settings.trimToNull(in.getSubDomain());
            boolean subDomainGiven = subDomain != null;
            if (subDomain == null && role.isPresent()) {
                subDomain = role.get().defaultSubDomain();
            }
            HostNames.checkServerName(where + ": hostName", Settings.trimToNull(in.getHostName()), problems);
            HostNames.checkServerName(where + ": mgtHostName", Settings.trimToNull(in.getMgtHostName()), problems);
            String hostName = Settings.firstNonNull(Settings.trimToNull(in.getHostName()), Settings.trimToNull(input.hostName));
            String mgtHostName = null;
            if (role.isPresent() && role.get().servesConsole()) {
                mgtHostName = Settings.firstNonNull(Settings.trimToNull(in.getMgtHostName()), Settings.trimToNull(input.mgtHostName));
            } else if (role.isPresent() && Settings.trimToNull(in.getMgtHostName()) != null) {
                problems.add(where + ": mgtHostName applies to managers only; remove it from this worker");
            }
            List<XmlEdit> edits = Settings.xmlEdits(where + " xmlEdits", in.getXmlEdits(), problems);

            if (host != null && !apimWithoutHazelcast(input, product)) {
                MemberAddress member = MemberAddress.of(host, port);
                String other = seenMembers.putIfAbsent(member, where);
                if (other != null) {
                    problems.add(where + ": localMemberHost:localMemberPort " + member + " is already used by " + other
                            + "; co-hosted nodes need different localMemberPorts");
                }
                stockPorts.add(PortPlan.of(where, host, PortPlan.BasePorts.STOCK, offset, port));
            } else if (host != null) {
                // No Hazelcast, no member port: co-hosted nodes share only the offset-shifted ports.
                stockPorts.add(PortPlan.of(where, host, PortPlan.BasePorts.STOCK, offset, null));
            }
            if (problems.size() == before) {
                nodes.add(new Node(id, role.get(), host, port, offset, offsetGiven, wellKnown, subDomain, subDomainGiven, hostName,
                        mgtHostName, edits, Settings.trimToNull(in.getHostName())));
            }
        }
        portClashes(stockPorts, problems);
        boolean managersAndWorkers = product == null || ProductRoles.managersAndWorkers(product);
        if (managersAndWorkers && inputs.stream().noneMatch(n -> Role.parse(n.getRole()).orElse(null) == Role.MANAGER)) {
            problems.add("nodes: no node has role manager; a cluster needs one (it runs the management console"
                    + " and commits deployments)");
        }
        return nodes;
    }

    /**
     * Co-hosted nodes must not open the same port once their offsets apply ({@link PortPlan}, with the stock ports
     * here; configure-cluster checks the configured ones). Two nodes on one member address are reported above, and
     * when two nodes' web ports clash their JMX ports do too: the web ports say it.
     */
    private static void portClashes(List<PortPlan> plans, Problems problems) {
        java.util.Set<String> webClashes = new java.util.HashSet<>();
        for (PortPlan.Clash clash : PortPlan.clashes(plans)) {
            boolean web = isWeb(clash.use()) && isWeb(clash.otherUse());
            String pair = clash.node().node() + "|" + clash.other().node();
            if (web) {
                webClashes.add(pair);
            } else if (clash.use().equals(PortPlan.MEMBER) && clash.otherUse().equals(PortPlan.MEMBER)
                    || webClashes.contains(pair) && !isWeb(clash.use()) && !isWeb(clash.otherUse())) {
                continue;
            }
            String what = clash.use().equals(PortPlan.MEMBER) ? "localMemberPort " + clash.port() + " is"
                    : "portOffset " + (clash.port() - stock(clash.use())) + " gives " + clash.use() + " port " + clash.port()
                    + ", which";
            problems.add(clash.node().node() + ": " + what + (clash.use().equals(PortPlan.MEMBER) ? " the "
                    + clash.otherUse() + " port of " + clash.other().node() + " on the same host " + clash.node().host()
                    + "; give it another localMemberPort" : " " + clash.other().node() + " (" + clash.otherUse()
                    + ") on the same host " + clash.node().host() + " also uses; give each co-hosted node its own portOffset"));
        }
    }

    private static boolean isWeb(String use) {
        return use.equals(PortPlan.HTTP) || use.equals(PortPlan.HTTPS);
    }

    private static int stock(String use) {
        return switch (use) {
            case PortPlan.HTTP -> Ports.STOCK_HTTP;
            case PortPlan.HTTPS -> Ports.STOCK_HTTPS;
            case PortPlan.JMX_REGISTRY -> Ports.STOCK_JMX_REGISTRY;
            default -> Ports.STOCK_JMX_SERVER;
        };
    }

}
