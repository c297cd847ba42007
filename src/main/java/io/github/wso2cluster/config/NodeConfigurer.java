package io.github.wso2cluster.config;

import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.DatabaseTypes;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.SessionAffinity;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.XmlEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies a cluster's settings to one node's config files, in memory; nothing is written here. */
public final class NodeConfigurer {

    /** Reads a file of the node's tree (the distribution with the node's overlays applied). */
    @FunctionalInterface
    public interface FileReader {
        Optional<byte[]> read(String path) throws IOException;
    }

    private final XPathEdits xpathEdits = new XPathEdits();

    public NodeConfiguration configure(Cluster cluster, Node node, FileReader files)
            throws ConfigFileException, IOException {
        return configure(cluster, node, ConfigPaths.STANDARD, files);
    }

    /** @param paths where the distribution keeps its config files; its format is what the node's files say */
    public NodeConfiguration configure(Cluster cluster, Node node, ConfigPaths paths, FileReader files)
            throws ConfigFileException, IOException {
        ConfigFormat format = files.read(paths.deploymentToml()).isPresent() ? ConfigFormat.TOML : ConfigFormat.XML;
        return configure(cluster, node, new Product(ProductLine.CARBON, "", format, paths), files);
    }

    /**
     * @param product the distribution's product: its format decides where the settings go, whatever a node's
     *                overlay adds
     */
    public NodeConfiguration configure(Cluster cluster, Node node, Product product, FileReader files)
            throws ConfigFileException, IOException {
        ConfigPaths paths = product.paths();
        Optional<byte[]> toml = files.read(paths.deploymentToml());
        if (product.isToml()) {
            // Kernel 4.5+ renders its XML from deployment.toml at every start: the settings go there.
            return TomlConfigurer.configure(cluster, node, product, toml.orElseThrow(),
                    DatabaseTypes.of(files.read(paths.inferJson()).orElse(null)));
        }
        if (toml.isPresent()) {
            throw new ConfigFileException(paths.deploymentToml() + ": this node's overlay adds a deployment.toml, but "
                    + product.describe() + " is a Carbon 4.x XML product that never reads one (its settings stay in"
                    + " axis2.xml, carbon.xml and catalina-server.xml); remove the overlay file, and use xmlEdits or"
                    + " overlays of the XML files");
        }
        Map<String, List<XmlEdit>> editsByFile = new LinkedHashMap<>();
        List<XmlEdit> allEdits = new ArrayList<>(cluster.xmlEdits());
        allEdits.addAll(node.xmlEdits());
        for (XmlEdit edit : allEdits) {
            editsByFile.computeIfAbsent(edit.file(), f -> new ArrayList<>()).add(edit);
        }
        Map<String, byte[]> replaced = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        edit(files, paths.axis2(), true, editsByFile, replaced, changes,
                editor -> new Axis2Clustering(editor.source()).configure(editor, cluster, node));
        edit(files, paths.carbon(), true, editsByFile, replaced, changes,
                editor -> new CarbonServer(editor.source()).configure(editor, cluster, node, warnings));
        boolean route = cluster.loadBalancer() != null && cluster.loadBalancer().sessionAffinity() == SessionAffinity.ROUTE;
        XmlSource catalinaSource = edit(files, paths.catalina(), cluster.proxyPorts() != null || route, editsByFile,
                replaced, changes, editor -> {
                    CatalinaServer catalina = new CatalinaServer(editor.source());
                    catalina.configure(editor, cluster.proxyPorts());
                    if (route) {
                        catalina.configureRoute(editor, node.id());
                    }
                });
        Databases databases = cluster.databases();
        if (databases != null && (databases.registry() != null || databases.userStore() != null
                || databases.product(ProductDatabase.IDENTITY) != null || databases.product(ProductDatabase.APIM) != null)) {
            edit(files, paths.datasources(), true, editsByFile, replaced, changes,
                    editor -> new MasterDatasources(editor.source()).configure(editor, databases));
        }
        if (databases != null && databases.product(ProductDatabase.IDENTITY) != null) {
            // IS 5.0-5.8 persist through the datasource identity.xml names (stock: the node's own WSO2_CARBON_DB).
            edit(files, paths.identityXml(), false, editsByFile, replaced, changes,
                    editor -> new IdentityConfig(editor.source()).configure(editor));
        }
        for (ProductDatabase own : List.of(ProductDatabase.BPS, ProductDatabase.ACTIVITI)) {
            if (databases != null && databases.product(own) != null) {
                edit(files, own.xmlFile(paths).orElseThrow(), true, editsByFile, replaced, changes,
                        editor -> new MasterDatasources(editor.source()).configure(editor, List.of(new MasterDatasources.Wanted(
                                own.datasource(), own.jndiName(), "The cluster's shared " + own.element() + " database",
                                databases.product(own)))));
            }
        }
        if (databases != null && databases.registry() != null) {
            edit(files, paths.registry(), true, editsByFile, replaced, changes, editor -> new RegistryConfig(editor.source())
                    .configure(editor, databases.registry(), node.isManager()));
        }
        if (databases != null && databases.userStore() != null) {
            edit(files, paths.userManagement(), true, editsByFile, replaced, changes,
                    editor -> new UserManagement(editor.source()).configure(editor));
        }
        for (String file : new ArrayList<>(editsByFile.keySet())) {
            edit(files, file, true, editsByFile, replaced, changes, editor -> { });
        }

        CatalinaServer.WebPorts ports = CatalinaServer.webPorts(catalinaSource, node.portOffset());
        Map<String, byte[]> added = new LinkedHashMap<>();
        added.put(NodeProperties.PATH, NodeProperties.write(cluster, node, ports, product));
        if (!cluster.hostsEntries().isEmpty()) {
            added.put("cluster/hosts", (String.join("\n", cluster.hostsEntries()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new NodeConfiguration(replaced, added, ports, changes, warnings, false);
    }

    /** What needs a file the distribution lacks, and what to do. */
    private static String requiredBy(String path) {
        if (path.endsWith("/registry.xml")) {
            return "; databases/registry needs it: remove <registry>, or add the file with an overlay";
        }
        if (path.endsWith("/user-mgt.xml")) {
            return "; databases/userStore needs it: remove <userStore>, or add the file with an overlay";
        }
        if (path.endsWith("/master-datasources.xml")) {
            return "; databases needs it for the shared datasources: add the file with an overlay, or remove <databases>";
        }
        return "";
    }

    @FunctionalInterface
    private interface Settings {
        void apply(XmlEditor editor) throws ConfigFileException;
    }

    /**
     * Applies the settings, then the file's xmlEdits (after the settings, on the edited text), and keeps the
     * result when it differs from the input.
     *
     * @return the file as the node will have it (null when it is absent and not required)
     */
    private XmlSource edit(FileReader files, String path, boolean required, Map<String, List<XmlEdit>> editsByFile,
                                  Map<String, byte[]> replaced, List<String> changes, Settings settings)
            throws ConfigFileException, IOException {
        List<XmlEdit> edits = editsByFile.remove(path);
        Optional<byte[]> original = files.read(path);
        if (original.isEmpty()) {
            if (required || edits != null) {
                throw new ConfigFileException(path + ": the file does not exist in the distribution"
                        + (edits != null ? " (named by an xmlEdit); fix the xmlEdit's <file>" : requiredBy(path)));
            }
            return null;
        }
        XmlSource source = XmlSource.parse(path, original.get());
        XmlEditor editor = new XmlEditor(source);
        settings.apply(editor);
        changes.addAll(editor.changes());
        XmlSource result = editor.changed() ? source.withText(editor.result()) : source;
        if (edits != null) {
            XmlEditor second = new XmlEditor(result);
            xpathEdits.apply(second, edits);
            changes.addAll(second.changes());
            result = second.changed() ? result.withText(second.result()) : result;
        }
        byte[] bytes = result == source ? original.get() : result.encode(result.text());
        if (!Arrays.equals(bytes, original.get())) {
            replaced.put(path, bytes);
        }
        return result;
    }
}
