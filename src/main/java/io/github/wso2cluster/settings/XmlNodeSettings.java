package io.github.wso2cluster.settings;

import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.config.MasterDatasources;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Carbon 4.x node's settings, read through the views configure-cluster edits with: axis2.xml's
 * {@link Axis2Clustering}, {@link CarbonServer}, {@link CatalinaServer} and {@link MasterDatasources}.
 */
public final class XmlNodeSettings extends NodeSettings {
    private final XmlValues axis2;
    private final XmlValues carbon;
    private final XmlValues catalina;
    private final XmlValues datasources;
    /** EI 6.x business-process's own datasource files (bps-datasources.xml, activiti-datasources.xml), where present. */
    private final List<XmlValues> productDatasources;
    private final Optional<Axis2Clustering> clustering;
    private final Optional<CarbonServer> server;
    private final Optional<CatalinaServer> connectors;

    /** @param files the node's parsed config files by path; a file that is missing or malformed is left out */
    public XmlNodeSettings(ConfigPaths paths, Map<String, XmlSource> files) {
        super(paths);
        axis2 = new XmlValues(paths.axis2(), files.get(paths.axis2()));
        carbon = new XmlValues(paths.carbon(), files.get(paths.carbon()));
        catalina = new XmlValues(paths.catalina(), files.get(paths.catalina()));
        datasources = new XmlValues(paths.datasources(), files.get(paths.datasources()));
        productDatasources = SettingsReader.productDatasourceFiles(paths).stream()
                .filter(files::containsKey).map(f -> new XmlValues(f, files.get(f))).toList();
        clustering = axis2.source().map(Axis2Clustering::new);
        server = carbon.source().map(CarbonServer::new);
        connectors = catalina.source().map(CatalinaServer::new);
    }

    @Override
    public ConfigFormat format() {
        return ConfigFormat.XML;
    }

    @Override
    public String fileOf(Setting setting) {
        return values(setting).path();
    }

    @Override
    public boolean readable(Setting setting) {
        return values(setting).source().isPresent();
    }

    private XmlValues values(Setting setting) {
        return switch (setting) {
            case CLUSTERING, CLUSTERING_ENABLED, MEMBERSHIP_SCHEME, DOMAIN, LOCAL_MEMBER_HOST, LOCAL_MEMBER_PORT,
                 GROUP_PASSWORD, MEMBERS,
                 SUB_DOMAIN -> axis2;
            case DEPLOYMENT_SYNCHRONIZER, HOST_NAME, MGT_HOST_NAME, PORT_OFFSET, JMX_REGISTRY_PORT, JMX_SERVER_PORT -> carbon;
            case HTTP_CONNECTOR, HTTPS_CONNECTOR, HTTP_PORT, HTTPS_PORT, HTTP_PROXY_PORT, HTTPS_PROXY_PORT -> catalina;
        };
    }

    @Override
    public boolean hasClustering() {
        return clustering.flatMap(Axis2Clustering::clustering).isPresent();
    }

    /** The {@code enable} attribute of {@code <clustering>}, at its own line (the tag's second, in stock files). */
    @Override
    public Located clusteringEnabled() {
        return clustering.flatMap(Axis2Clustering::clustering).map(c -> clustering.flatMap(Axis2Clustering::enable)
                        .map(a -> new Located(a.value(), axis2.path(), axis2.absentAt(a.start()).line()))
                        .orElse(axis2.absentAt(c.start())))
                .orElse(Located.absent(axis2.path()));
    }

    @Override
    public Located clustering(Setting setting) {
        String name = switch (setting) {
            case MEMBERSHIP_SCHEME -> Axis2Clustering.MEMBERSHIP_SCHEME;
            case DOMAIN -> Axis2Clustering.DOMAIN;
            case LOCAL_MEMBER_HOST -> Axis2Clustering.LOCAL_MEMBER_HOST;
            case LOCAL_MEMBER_PORT -> Axis2Clustering.LOCAL_MEMBER_PORT;
            case GROUP_PASSWORD -> Axis2Clustering.GROUP_PASSWORD;
            default -> throw new IllegalArgumentException(setting + " is not a clustering parameter");
        };
        Located value = axis2.text(clustering.flatMap(a -> a.parameter(name)));
        return value.present() ? value : new Located(null, axis2.path(), clusteringEnabled().line());
    }

    @Override
    public Located subDomain() {
        Located value = axis2.at(clustering.flatMap(Axis2Clustering::subDomain), Axis2Clustering::subDomainValue);
        return value.present() ? value : new Located(null, axis2.path(), clusteringEnabled().line());
    }

    @Override
    public List<Located> membersBlocks() {
        return clustering.map(a -> a.membersBlocks().stream().map(m -> axis2.at(Optional.of(m), e -> "members")).toList())
                .orElse(List.of());
    }

    @Override
    public List<Located> memberEntries() {
        return clustering.map(a -> a.memberEntries().stream()
                .map(m -> axis2.at(Optional.of(m.element()), e -> m.host() + ":" + m.port())).toList()).orElse(List.of());
    }

    @Override
    public Located server(Setting setting) {
        return carbon.text(server.flatMap(switch (setting) {
            case HOST_NAME -> CarbonServer::hostName;
            case MGT_HOST_NAME -> CarbonServer::mgtHostName;
            case PORT_OFFSET -> CarbonServer::offset;
            default -> throw new IllegalArgumentException(setting + " is not a carbon.xml server value");
        }));
    }

    @Override
    public Located synchronizer(String child) {
        return carbon.text(server.flatMap(c -> c.synchronizer(child)));
    }

    @Override
    public Located proxyPort(boolean secure) {
        return catalina.at(connectors.flatMap(c -> c.connector(secure)), CatalinaServer::proxyPort);
    }

    @Override
    public Located jvmRoute() {
        return catalina.at(connectors.flatMap(CatalinaServer::engine), e -> e.attributeValue(CatalinaServer.JVM_ROUTE));
    }

    @Override
    public int basePort(Setting setting) {
        return switch (setting) {
            case HTTP_PORT -> CatalinaServer.webPorts(catalina.source().orElse(null), 0).http();
            case HTTPS_PORT -> CatalinaServer.webPorts(catalina.source().orElse(null), 0).https();
            case JMX_REGISTRY_PORT -> jmxPort(CarbonServer.JMX_REGISTRY_PORT, Ports.STOCK_JMX_REGISTRY);
            case JMX_SERVER_PORT -> jmxPort(CarbonServer.JMX_SERVER_PORT, Ports.STOCK_JMX_SERVER);
            default -> throw new IllegalArgumentException(setting + " is not a port");
        };
    }

    private int jmxPort(String name, int fallback) {
        Located value = carbon.text(server.flatMap(c -> c.jmxPort(name)));
        return value.present() ? Ports.parse(value.value()).orElse(fallback) : fallback;
    }

    @Override
    public String datasourcesFile() {
        return datasources.path();
    }

    /** master-datasources.xml's datasources, then those of the product's own datasource files. */
    @Override
    public List<Datasource> datasources() {
        List<Datasource> all = new java.util.ArrayList<>(datasources(datasources));
        productDatasources.forEach(file -> all.addAll(datasources(file)));
        return all;
    }

    /** carbon.xml's Security keystores and truststore, and the HTTPS connector's keystore (catalina-server.xml). */
    @Override
    public List<KeystoreSetting> keystores() {
        List<KeystoreSetting> found = new java.util.ArrayList<>();
        carbon.source().flatMap(source -> source.root().child("Security")).ifPresent(security -> {
            store(security, "KeyStore", KeystoreSetting.Kind.PRIMARY, found);
            store(security, "InternalKeyStore", KeystoreSetting.Kind.INTERNAL, found);
            store(security, "TrustStore", KeystoreSetting.Kind.TRUSTSTORE, found);
        });
        connectors.flatMap(c -> c.connector(true)).ifPresent(connector -> {
            String file = connector.attributeValue("keystoreFile");
            if (file != null) {
                String type = connector.attributeValue("keystoreType");
                Located line = catalina.at(Optional.of(connector), e -> file);
                found.add(new KeystoreSetting(KeystoreSetting.Kind.TLS, new Located(KeystoreSetting.resolve(file),
                        catalina.path(), line.line()), type == null ? "JKS" : type.trim().toUpperCase(java.util.Locale.ROOT),
                        connector.attributeValue("keyAlias"), new Located(connector.attributeValue("keystorePass"),
                        catalina.path(), line.line())));
            }
        });
        return found;
    }

    private void store(XmlElement security, String name, KeystoreSetting.Kind kind, List<KeystoreSetting> found) {
        Optional<XmlElement> store = security.child(name);
        Located location = carbon.text(store.flatMap(s -> s.child("Location")));
        if (!location.present()) {
            return;
        }
        Located type = carbon.text(store.flatMap(s -> s.child("Type")));
        Located alias = carbon.text(store.flatMap(s -> s.child("KeyAlias")));
        found.add(new KeystoreSetting(kind, new Located(KeystoreSetting.resolve(location.value()), location.file(),
                location.line()), type.present() ? type.value().trim().toUpperCase(java.util.Locale.ROOT) : "JKS",
                alias.present() ? alias.value().trim() : null, carbon.text(store.flatMap(s -> s.child("Password")))));
    }

    private static List<Datasource> datasources(XmlValues file) {
        return file.source().map(source -> {
            MasterDatasources view = new MasterDatasources(source);
            return view.datasources().stream().map(d -> new Datasource(d.name(), d.jndiName(), d.url(), d.username(),
                    d.driverClassName(), new Located(d.name(), file.path(), source.lineOf(d.element().start())),
                    Secret.of(view.password(d)), MasterDatasources.passwordInVault(d))).toList();
        }).orElse(List.of());
    }
}
