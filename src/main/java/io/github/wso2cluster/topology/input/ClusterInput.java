package io.github.wso2cluster.topology.input;

import io.github.wso2cluster.product.Product;
import java.util.ArrayList;
import java.util.List;

/** Every cluster setting as the POM gives it, gathered by the Mojo for {@link io.github.wso2cluster.topology.TopologyValidator}. */
public class ClusterInput {
    public String domain;
    public String membershipScheme;
    public List<String> wellKnownMembers;
    public String hostName;
    public String mgtHostName;
    public ProxyPortsInput proxyPorts;
    public DeploymentSynchronizerInput deploymentSynchronizer;
    public List<String> hostsEntries = new ArrayList<>();
    public List<NodeInput> nodes = new ArrayList<>();
    public List<XmlEditInput> xmlEdits = new ArrayList<>();
    public String confDirectory;
    public DatabasesInput databases;
    public LoadBalancerInput loadBalancer;
    public List<TomlEditInput> tomlEdits = new ArrayList<>();
    public SecureVaultInput secureVault;
    public List<SecretInput> secrets = new ArrayList<>();
    /** {@code <product>}: overrides the recognised product line (carbon, identity-server, api-manager, micro-integrator). */
    public String product;
    /**
     * The product the distribution is, recognised from its files; null when unknown (the distribution cannot be
     * opened yet): then the Carbon 4.x rules apply (roles manager and worker, a manager required).
     */
    public Product distributionProduct;
    /** {@code <taskNodes>}: Micro Integrator node ids that run scheduled tasks. */
    public List<String> taskNodes = new ArrayList<>();
}
