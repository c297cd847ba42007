package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.SecureVault;
import io.github.wso2cluster.topology.VaultSecret;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which Carbon 4.x elements go behind the vault, and under which alias: the datasources' and the SVN passwords the
 * cluster supplied, and each {@code <secret>}'s element. The alias of a {@code <secret>} is not free: each file's
 * reader resolves a fixed name, the one the distribution's {@code cipher-tool.properties} lists for that element
 * (carbon.xml: {@code Carbon.} + the element path).
 */
final class XmlTargets {
    private XmlTargets() {
    }

    /** @return alias to clear text, for cipher-text.properties */
    static Map<String, String> seal(Cluster cluster, SecureVault vault, ConfigPaths paths, NodeVault.NodeFiles files,
                                    Set<String> supplied) throws ConfigFileException, IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, XmlSealer> sealers = new LinkedHashMap<>();
        Optional<XmlSource> datasources = files.xml(paths.datasources());
        if (datasources.isPresent()) {
            sealer(sealers, paths.datasources(), datasources.get()).datasources(supplied, secrets);
        }
        if (cluster.deploymentSynchronizer() != null && cluster.deploymentSynchronizer().svnPassword() != null) {
            Optional<XmlSource> carbon = files.xml(paths.carbon());
            if (carbon.isPresent()) {
                sealer(sealers, paths.carbon(), carbon.get()).svnPassword(cluster.deploymentSynchronizer().svnPassword()
                        .reveal(), secrets);
            }
        }
        Properties aliases = cipherTool(files, paths);
        for (VaultSecret secret : vault.secrets()) {
            if (secret.toml()) {
                throw new ConfigFileException(secret.where() + ": this is a Carbon 4.x XML product without deployment.toml;"
                        + " give the secret <file> and <xpath> (e.g. " + paths.userManagement()
                        + " and /UserManager/Realm/Configuration/AdminUser/Password), not <key>");
            }
            Optional<XmlSource> file = files.xml(secret.file());
            if (file.isEmpty()) {
                throw new ConfigFileException(secret.where() + "/file: " + secret.file() + " does not exist in the node");
            }
            XmlSealer sealer = sealer(sealers, secret.file(), file.get());
            String alias = secret.alias() != null ? secret.alias() : alias(aliases, secret, paths);
            sealer.secret(secret.where(), secret.xpath(), alias, secret.value().reveal(), secrets);
        }
        for (Map.Entry<String, XmlSealer> sealer : sealers.entrySet()) {
            String text = sealer.getValue().result();
            if (text != null) {
                XmlSource source = files.xml(sealer.getKey()).orElseThrow();
                files.put(sealer.getKey(), source.encode(text));
            }
        }
        return secrets;
    }

    private static XmlSealer sealer(Map<String, XmlSealer> sealers, String path, XmlSource source) {
        return sealers.computeIfAbsent(path, p -> new XmlSealer(source));
    }

    /** The distribution's alias table: alias = {@code file//xpath,isAttribute}. */
    private static Properties cipherTool(NodeVault.NodeFiles files, ConfigPaths paths) throws IOException {
        Properties properties = new Properties();
        Optional<byte[]> bytes = files.read(paths.conf() + "/security/cipher-tool.properties");
        if (bytes.isPresent()) {
            properties.load(new StringReader(new String(bytes.get(), StandardCharsets.ISO_8859_1)));
        }
        return properties;
    }

    /** The alias the file's reader resolves for the element: cipher-tool.properties', else carbon.xml's rule. */
    private static String alias(Properties table, VaultSecret secret, ConfigPaths paths) throws ConfigFileException {
        String wanted = normal(secret.xpath());
        for (String alias : table.stringPropertyNames()) {
            String value = table.getProperty(alias).trim();
            int split = value.indexOf("//");
            int comma = value.lastIndexOf(',');
            if (split > 0) {
                String file = value.substring(0, split);
                String xpath = value.substring(split, comma > split ? comma : value.length());
                if (file.equals(secret.file()) && normal(xpath).equals(wanted)) {
                    return alias;
                }
            }
        }
        if (secret.file().equals(paths.carbon()) && wanted.matches("Server(/[A-Za-z][A-Za-z0-9_-]*)+")) {
            return "Carbon." + wanted.substring("Server/".length()).replace('/', '.');
        }
        throw new ConfigFileException(secret.where() + ": no alias for " + secret.file() + " " + secret.xpath() + ": the"
                + " distribution's cipher-tool.properties names none, and the file's reader resolves a fixed name; give"
                + " <alias> (the name that reader looks up)");
    }

    private static String normal(String xpath) {
        return xpath.trim().replaceAll("^/+", "");
    }
}
