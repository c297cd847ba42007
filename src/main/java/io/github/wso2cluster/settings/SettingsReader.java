package io.github.wso2cluster.settings;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a node's {@link NodeSettings} from its config files in the product's format: verify-cluster from a
 * finished node, configure-cluster from the files it has just configured, so both see the same values.
 */
public final class SettingsReader {
    private SettingsReader() {
    }

    /**
     * What was read.
     *
     * @param xml      the parsed XML config files by path (none for a deployment.toml product)
     * @param problems [file, problem] for each file that is required but missing, or malformed
     */
    public record Read(NodeSettings settings, Map<String, XmlSource> xml, List<String[]> problems) {
    }

    /** The XML config files the settings and the database checks read, in order. */
    public static List<String> xmlFiles(ConfigPaths paths) {
        List<String> files = new ArrayList<>(List.of(paths.axis2(), paths.carbon(), paths.catalina(), paths.datasources(),
                paths.registry(), paths.userManagement(), paths.identityXml()));
        files.addAll(productDatasourceFiles(paths));
        return files;
    }

    /** The datasource files of the product databases Carbon 4.x products keep outside master-datasources.xml. */
    public static List<String> productDatasourceFiles(ConfigPaths paths) {
        List<String> files = new ArrayList<>();
        for (ProductDatabase database : ProductDatabase.values()) {
            database.xmlFile(paths).filter(f -> !f.equals(paths.datasources()) && !files.contains(f)).ifPresent(files::add);
        }
        return files;
    }

    /** The files every Carbon 4.x node has; the database wiring's are optional (a product may lack user-mgt.xml). */
    public static List<String> requiredXmlFiles(ConfigPaths paths) {
        return List.of(paths.axis2(), paths.carbon(), paths.catalina());
    }

    /**
     * @param files        the node's files by path under the top folder (those it lacks are absent)
     * @param tomlDefaults the product's default.json flattened to dotted keys (deployment.toml products)
     */
    public static Read read(Product product, Map<String, byte[]> files, Map<String, Object> tomlDefaults) {
        ConfigPaths paths = product.paths();
        List<String[]> problems = new ArrayList<>();
        if (product.isToml()) {
            String path = paths.deploymentToml();
            TomlSource toml = null;
            try {
                byte[] bytes = files.get(path);
                if (bytes == null) {
                    problems.add(new String[] {path, "the file is missing"});
                } else {
                    toml = TomlSource.parse(path, bytes);
                }
            } catch (ConfigFileException e) {
                problems.add(new String[] {path, e.getMessage()});
            }
            return new Read(new TomlNodeSettings(paths, toml, tomlDefaults), Map.of(), problems);
        }
        Map<String, XmlSource> xml = new LinkedHashMap<>();
        for (String file : xmlFiles(paths)) {
            byte[] bytes = files.get(file);
            try {
                if (bytes == null) {
                    if (requiredXmlFiles(paths).contains(file)) {
                        problems.add(new String[] {file, "the file is missing"});
                    }
                } else {
                    xml.put(file, XmlSource.parse(file, bytes));
                }
            } catch (ConfigFileException e) {
                problems.add(new String[] {file, e.getMessage()});
            }
        }
        return new Read(new XmlNodeSettings(paths, xml), xml, problems);
    }
}
