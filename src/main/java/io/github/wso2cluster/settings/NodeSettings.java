package io.github.wso2cluster.settings;

import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Locations;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.PortPlan;
import io.github.wso2cluster.topology.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one node's configured files say about the cluster, whatever their format: each value with the file and
 * line it stands at, read through the same views configure-cluster edits with. verify-cluster's checks read it
 * from finished nodes; configure-cluster reads it from the files it just configured, so both compute the node's
 * ports ({@link #portPlan}) the same way. Values of a file that is missing or malformed are absent.
 */
public abstract class NodeSettings {
    private final ConfigPaths paths;

    NodeSettings(ConfigPaths paths) {
        this.paths = paths;
    }

    public ConfigPaths paths() {
        return paths;
    }

    public abstract ConfigFormat format();

    /** How findings name each setting: in the node's own file's terms. */
    public Locations locations() {
        return format().locations();
    }

    /** The file that holds a setting: axis2.xml, carbon.xml or catalina-server.xml, or deployment.toml. */
    public abstract String fileOf(Setting setting);

    /** Whether the file that holds a setting could be read (present and well-formed). */
    public abstract boolean readable(Setting setting);

    /** Whether the node has a clustering section at all (axis2.xml's active {@code <clustering>}). */
    public abstract boolean hasClustering();

    /**
     * Whether clustering is on: the value is {@code true} when it is; what it holds otherwise is told by
     * {@link Locations#state}.
     */
    public abstract Located clusteringEnabled();

    /**
     * A clustering value: {@link Setting#MEMBERSHIP_SCHEME}, {@link Setting#DOMAIN}, {@link Setting#LOCAL_MEMBER_HOST},
     * {@link Setting#LOCAL_MEMBER_PORT}; when absent, at the clustering section's line.
     */
    public abstract Located clustering(Setting setting);

    public abstract Located subDomain();

    /** Every active members list (exactly one is right); its value is the list's name. */
    public abstract List<Located> membersBlocks();

    /** The entries of the first members list, as written ({@code host:port}). */
    public abstract List<Located> memberEntries();

    /** A server value: {@link Setting#HOST_NAME}, {@link Setting#MGT_HOST_NAME}, {@link Setting#PORT_OFFSET}. */
    public abstract Located server(Setting setting);

    /** A child of carbon.xml's active DeploymentSynchronizer; absent where the format has none. */
    public abstract Located synchronizer(String child);

    /** proxyPort of the plain HTTP (secure=false) or the HTTPS connector; absent value when not set. */
    public abstract Located proxyPort(boolean secure);

    /** Tomcat's {@code jvmRoute} (session affinity); absent value when not set. */
    public abstract Located jvmRoute();

    /**
     * A port before the offset: {@link Setting#HTTP_PORT}, {@link Setting#HTTPS_PORT}, {@link Setting#JMX_REGISTRY_PORT},
     * {@link Setting#JMX_SERVER_PORT}; the stock port where the node's files do not say.
     */
    public abstract int basePort(Setting setting);

    /** The file the datasources stand in. */
    public abstract String datasourcesFile();

    public abstract List<Datasource> datasources();

    /** The keystores and the truststore the node's configuration names (those it does not name are left out). */
    public abstract List<KeystoreSetting> keystores();

    /**
     * The keystore WSO2's cipher tool encrypts with and the node's secure vault decrypts with: the internal keystore
     * where the node configures one, else the primary.
     */
    public Optional<KeystoreSetting> vaultKeystore() {
        List<KeystoreSetting> all = keystores();
        return all.stream().filter(k -> k.kind() == KeystoreSetting.Kind.INTERNAL).findFirst()
                .or(() -> all.stream().filter(k -> k.kind() == KeystoreSetting.Kind.PRIMARY).findFirst());
    }

    /** The offset, 0 when unset or unreadable. */
    public int portOffset() {
        Located offset = server(Setting.PORT_OFFSET);
        return offset.present() && offset.value().trim().matches("\\d{1,5}") ? Integer.parseInt(offset.value().trim()) : 0;
    }

    /** This node's own member address, when host and port are readable. */
    public Optional<MemberAddress> memberAddress() {
        Located host = clustering(Setting.LOCAL_MEMBER_HOST);
        Located port = clustering(Setting.LOCAL_MEMBER_PORT);
        if (!host.present() || host.value().isBlank()) {
            return Optional.empty();
        }
        int portNumber = port.present() ? Ports.parse(port.value()).orElse(-1) : Ports.DEFAULT_MEMBER_PORT;
        return portNumber < 0 ? Optional.empty() : Optional.of(MemberAddress.of(host.value(), portNumber));
    }

    /** The well-known members listed, ranges expanded; entries that are not host:port are left out. */
    public List<MemberAddress> wellKnownMembers() {
        List<MemberAddress> members = new ArrayList<>();
        for (Located entry : memberEntries()) {
            MemberAddress.Parsed parsed = MemberAddress.parse(entry.value());
            if (parsed.ok()) {
                members.addAll(parsed.address().expand());
            }
        }
        return members;
    }

    /** Every port the node opens on its host, after the offset (the member port is never offset). */
    public PortPlan portPlan(String node) {
        Located host = clustering(Setting.LOCAL_MEMBER_HOST);
        PortPlan.BasePorts base = new PortPlan.BasePorts(basePort(Setting.HTTP_PORT), basePort(Setting.HTTPS_PORT),
                basePort(Setting.JMX_REGISTRY_PORT), basePort(Setting.JMX_SERVER_PORT));
        return PortPlan.of(node, host.present() ? host.value().trim() : null, base, portOffset(),
                memberAddress().map(MemberAddress::port).orElse(null));
    }
}
