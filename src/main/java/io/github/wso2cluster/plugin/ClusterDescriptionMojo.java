package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.SecretInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import io.github.wso2cluster.topology.input.TomlEditInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The cluster description's parameters, as the POM's {@code <configuration>} gives them (the contract's names),
 * gathered into one {@link ClusterInput} for the core to validate. Kept apart from the goal that uses them so the
 * Mojo stays a binding of its own outputs and one core call.
 */
abstract class ClusterDescriptionMojo extends AbstractDistributionMojo {

    /**
     * The clustering domain (axis2.xml parameter <code>domain</code>, Hazelcast's group name), the same on every node.
     * Required wherever Hazelcast clustering is written; Micro Integrator (RDBMS coordination) does not use it.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.DOMAIN)
    private String domain;

    /**
     * The product line, when the recognition from the distribution's own files is to be overridden:
     * <code>carbon</code>, <code>identity-server</code>, <code>api-manager</code> or <code>micro-integrator</code>.
     * It decides the roles nodes take and the product databases <code>databases</code> takes.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.PRODUCT)
    private String product;

    /**
     * Micro Integrator only: the ids of the nodes that run scheduled tasks, message processors and polling inbound
     * endpoints (<code>[task_handling]</code> with WSO2's <code>TaskNodeResolver</code> and its
     * <code>task_nodes</code>); without it every node may take them. Each must be a node's id.
     *
     * @since 1.0.0
     */
    @Parameter
    private List<String> taskNodes;

    /**
     * The membership scheme; {@code wka} (well-known address) is the only one supported, and the default. API
     * Manager 3.x/4.x runs without Hazelcast: its {@code [clustering]} is written only when this is given.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.MEMBERSHIP_SCHEME)
    private String membershipScheme;

    /**
     * The well-known members every node lists, {@code host:port} or {@code a.b.c.d-e:port}. Default: the
     * nodes marked {@code wellKnown}, or if none is, every manager.
      *
      * @since 1.0.0
      */
    @Parameter
    private List<String> wellKnownMembers;

    /**
     * carbon.xml {@code HostName} on every node (a node's own {@code hostName} wins).
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.HOST_NAME)
    private String hostName;

    /**
     * carbon.xml {@code MgtHostName} on manager nodes (a node's own {@code mgtHostName} wins).
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.MGT_HOST_NAME)
    private String mgtHostName;

    /**
     * The load balancer's ports, set as catalina-server.xml <code>proxyPort</code> on every node:
     * <ul>
     * <li><code>http</code>: on the plain HTTP connector (e.g. 80);</li>
     * <li><code>https</code>: on the HTTPS connector, the one with <code>SSLEnabled="true"</code> or
     * <code>scheme="https"</code> (e.g. 443).</li>
     * </ul>
     * Either may be left out; without <code>proxyPorts</code> catalina-server.xml is not touched.
      *
      * @since 1.0.0
      */
    @Parameter
    private ProxyPortsInput proxyPorts;

    /**
     * The SVN deployment synchronizer, in carbon.xml's active <code>DeploymentSynchronizer</code> on every node:
     * <ul>
     * <li><code>svnUrl</code> (required): the repository every node checks out;</li>
     * <li><code>serverId</code>: the id of a settings.xml <code>&lt;server&gt;</code> giving user and password,
     * decrypted as Maven does (keeps the password out of the POM and of every log);</li>
     * <li><code>svnUser</code>, <code>svnPassword</code>: the same from the POM instead (a clear-text password is
     * warned about);</li>
     * <li><code>appendTenantId</code> (default <code>true</code>): <code>SvnUrlAppendTenantId</code>.</li>
     * </ul>
     * <code>AutoCommit</code> is true on the first manager in <code>nodes</code> order only (one committer);
     * every node gets <code>Enabled</code> and <code>AutoCheckout</code> true. Without this parameter the block is
     * left as shipped, but a synchronizer the distribution ships enabled still gets the one-committer rule.
      *
      * @since 1.0.0
      */
    @Parameter
    private DeploymentSynchronizerInput deploymentSynchronizer;

    /**
     * Lines for {@code /etc/hosts}, shipped as {@code cluster/hosts} in every node zip.
     *
     * @since 1.0.0
     */
    @Parameter
    private List<String> hostsEntries;

    /**
     * The nodes, each a <code>&lt;node&gt;</code> with:
     * <ul>
     * <li><code>id</code> (required): unique, <code>[a-z0-9][a-z0-9-]*</code>, at most 64 characters: the zip's
     * classifier and the overlay folder name;</li>
     * <li><code>role</code>: <code>manager</code> or <code>worker</code> (required) on Carbon 4.x products;
     * <code>member</code> (the default) on Identity Server 5.9+ and Micro Integrator; <code>all-in-one</code> (the
     * default), <code>control-plane</code>, <code>gateway</code>, <code>traffic-manager</code>, <code>key-manager</code>
     * on API Manager 4 (3.x: <code>publisher</code> and <code>devportal</code> for <code>control-plane</code>);
     * <code>manager</code> and <code>worker</code> are accepted everywhere;</li>
     * <li><code>localMemberHost</code> (required): the address other members reach this node on;</li>
     * <li><code>localMemberPort</code> (default 4000): the Hazelcast member port (not shifted by the offset);</li>
     * <li><code>portOffset</code> (default 0): carbon.xml <code>Ports/Offset</code>;</li>
     * <li><code>wellKnown</code> (default false): puts the node in the default well-known member list;</li>
     * <li><code>subDomain</code> (default <code>mgt</code> for managers, <code>worker</code> for workers);</li>
     * <li><code>hostName</code>, <code>mgtHostName</code>: per-node overrides of the cluster-wide values
     * (<code>mgtHostName</code> on managers only);</li>
     * <li><code>xmlEdits</code>: like the cluster-wide <code>xmlEdits</code>, for this node only, after those.</li>
     * </ul>
     *
     * @since 1.0.0
     */
    @Parameter
    private List<NodeInput> nodes;

    /**
     * The escape hatch: edits applied to every node after the settings, each an <code>&lt;xmlEdit&gt;</code> with
     * <ul>
     * <li><code>file</code>: relative to the distribution's top folder, e.g. <code>repository/conf/carbon.xml</code>;</li>
     * <li><code>xpath</code>: the elements to change; unprefixed names match the file's default namespace, so
     * <code>/Server/Ports/JMX/RMIRegistryPort</code> works on carbon.xml; it must match at least one element;</li>
     * <li><code>attribute</code> (optional): set this attribute instead of the element's text;</li>
     * <li><code>value</code>: the new text or attribute value.</li>
     * </ul>
      *
      * @since 1.0.0
      */
    @Parameter
    private List<XmlEditInput> xmlEdits;

    /**
     * The escape hatch of deployment.toml products (Identity Server 5.9+, API Manager 3 and 4), applied to every
     * node after the settings: each a <code>&lt;tomlEdit&gt;</code> with <code>key</code> (a dotted key, e.g.
     * <code>transport.https.properties.maxThreads</code>) and <code>value</code> written as TOML
     * (<code>400</code>, <code>"text"</code>, <code>["a", "b"]</code>). The key goes into its table in the form the
     * file already uses. A Carbon 4.x XML product has no deployment.toml: use <code>xmlEdits</code> there.
      *
      * @since 1.0.0
      */
    @Parameter
    private List<TomlEditInput> tomlEdits;

    /**
     * The configuration directory, relative to the distribution's top folder. Default: {@code repository/conf}
     * (Carbon 4.x products), else {@code conf} (EI 6.x's integrator profile). Another EI 6.x profile needs it,
     * e.g. {@code wso2/business-process/conf}.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.CONF_DIRECTORY)
    private String confDirectory;

    /**
     * The cluster's shared databases, wired into every node (master-datasources.xml, registry.xml, user-mgt.xml):
     * <ul>
     * <li><code>registry</code>: the shared registry database, with <code>url</code>, <code>serverId</code> (a
     * settings.xml <code>&lt;server&gt;</code> giving user and password) or <code>username</code> and
     * <code>password</code>, <code>driverClassName</code> and <code>validationQuery</code> (defaults from the URL),
     * <code>mountTarget</code> (default <code>/_system/nodes</code>: where <code>/_system/config</code> is mounted);
     * mounted read-write on managers, read-only on workers;</li>
     * <li><code>userStore</code>: the shared user store database, the same elements but <code>mountTarget</code>;</li>
     * <li><code>identity</code> (Identity Server: <code>[database.identity_db]</code>, or IS 5.0-5.8's
     * <code>WSO2_IDENTITY_DB</code> and identity.xml), <code>apim</code> (API Manager: <code>[database.apim_db]</code> or
     * <code>WSO2AM_DB</code>), <code>coordination</code> (Micro Integrator: <code>[[datasource]]</code>
     * <code>WSO2_COORDINATION_DB</code> and each node's <code>[cluster_config] node_id</code>), <code>bps</code> and
     * <code>activiti</code> (EI 6.x business-process: <code>BPS_DS</code>, <code>ACTIVITI_DB</code>): the product
     * databases, each with the elements of <code>userStore</code>; one the product has no database for is refused;</li>
     * <li><code>driver</code>: <code>groupId:artifactId:version</code> of the JDBC driver, resolved from the
     * project's repositories and put in <code>repository/components/lib</code> of every node (<code>lib</code> on
     * Micro Integrator and EI 6.x profiles).</li>
     * </ul>
     *
     * @since 1.0.0
     */
    @Parameter
    private DatabasesInput databases;

    /**
     * The nginx load balancer in front of the cluster: writes
     * <code>target/wso2-cluster/nginx/wso2-cluster.conf</code> (attached with classifier <code>nginx</code>, type
     * <code>conf</code>), an <code>http</code>-context file for nginx's <code>conf.d/</code>:
     * <ul>
     * <li><code>sessionAffinity</code>: <code>route</code> (default: each node's catalina-server.xml
     * <code>&lt;Engine&gt;</code> gets <code>jvmRoute</code> = its id, and nginx maps <code>JSESSIONID</code>
     * to that node), <code>hash</code> (consistent hash of the cookie) or <code>none</code> (round robin);</li>
     * <li><code>sslCertificate</code>, <code>sslCertificateKey</code>: paths on the load balancer host, required
     * with <code>proxyPorts/https</code>;</li>
     * <li><code>mgtSslCertificate</code>, <code>mgtSslCertificateKey</code>: for <code>mgtHostName</code>
     * (default: the ones above).</li>
     * </ul>
     * Needs <code>hostName</code> and <code>proxyPorts</code>.
      *
      * @since 1.0.0
      */
    @Parameter
    private LoadBalancerInput loadBalancer;

    /**
     * WSO2's secure vault: every password configure-cluster writes (databases, SVN) and each of <code>secrets</code>
     * goes into the nodes encrypted with the certificate of each node's own keystore (<code>$secret{...}</code>
     * and a last <code>[secrets]</code> table in deployment.toml; <code>svns:secretAlias</code> and
     * cipher-text.properties on Carbon 4.x), with secret-conf.properties enabled:
     * <ul>
     * <li><code>keystore</code>: the keystore file relative to the top folder; default: the one WSO2's cipher tool
     * uses (the internal keystore where the node configures one, else the primary), found in the node's own tree,
     * overlays included;</li>
     * <li><code>serverId</code>: a settings.xml <code>&lt;server&gt;</code> whose password opens the keystore: needed for
     * PKCS12 (a JKS keystore yields its certificate without one); never written into a node;</li>
     * <li><code>alias</code>: the key alias; default the keystore's configured one;</li>
     * <li><code>algorithm</code>: <code>RSA</code> (default, PKCS#1 v1.5) or
     * <code>RSA/ECB/OAEPwithSHA1andMGF1Padding</code>, written as <code>secretRepositories.file.algorithm</code>.</li>
     * </ul>
     * The keystore password is given to each server at start (<code>password-tmp</code> in the product folder, or the
     * prompt). Without it, configure-cluster warns how many node zips hold clear-text passwords.
     *
     * @since 1.0.0
     */
    @Parameter
    private SecureVaultInput secureVault;

    /**
     * More secrets to encrypt into every node (needs <code>secureVault</code>), each a <code>&lt;secret&gt;</code> whose
     * value is the password of a settings.xml server (<code>serverId</code>, required), put at: <code>key</code>, a
     * deployment.toml dotted key (<code>super_admin.password</code>); or on Carbon 4.x products <code>file</code> and
     * <code>xpath</code> (an element), with <code>alias</code> defaulting to the name the distribution's
     * cipher-tool.properties gives that element (the name the file's reader resolves).
     *
     * @since 1.0.0
     */
    @Parameter
    private List<SecretInput> secrets;

    /** Every cluster setting as the POM gives it (absent lists as empty ones). */
    protected ClusterInput clusterInput() {
        ClusterInput input = new ClusterInput();
        input.domain = domain;
        input.membershipScheme = membershipScheme;
        input.wellKnownMembers = wellKnownMembers;
        input.hostName = hostName;
        input.mgtHostName = mgtHostName;
        input.proxyPorts = proxyPorts;
        input.deploymentSynchronizer = deploymentSynchronizer;
        input.hostsEntries = hostsEntries == null ? new ArrayList<>() : hostsEntries;
        input.nodes = nodes == null ? new ArrayList<>() : nodes;
        input.xmlEdits = xmlEdits == null ? new ArrayList<>() : xmlEdits;
        input.confDirectory = confDirectory;
        input.databases = databases;
        input.loadBalancer = loadBalancer;
        input.tomlEdits = tomlEdits == null ? new ArrayList<>() : tomlEdits;
        input.secureVault = secureVault;
        input.secrets = secrets == null ? new ArrayList<>() : secrets;
        input.product = product;
        input.taskNodes = taskNodes == null ? new ArrayList<>() : taskNodes;
        return input;
    }
}
