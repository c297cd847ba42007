package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.config.NodeConfigurer;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.settings.KeystoreSetting;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.settings.SettingsReader;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.SecureVault;
import io.github.wso2cluster.topology.VaultSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts one configured node's passwords behind WSO2's secure vault, encrypted with the certificate of that node's
 * own keystore (overlays included), after configure-cluster has written them: deployment.toml products get
 * {@code $secret{alias}} and a last {@code [secrets]} table, Carbon 4.x products {@code svns:secretAlias} and
 * cipher-text.properties; both get secret-conf.properties enabled. The keystore's password is never written.
 */
public final class NodeVault {
    /**
     * @param configuration the node's configuration with its passwords behind the vault
     * @param fingerprint   what the sealing depends on besides the configuration (algorithm, keystore, certificate,
     *                      aliases): RSA cipher text is random, so the node's fingerprint is taken before sealing
     */
    public record Sealed(NodeConfiguration configuration, String fingerprint) {
    }

    private NodeVault() {
    }

    /**
     * @param distribution reads the distribution zip itself (a file it lacks is an overlay's, or new)
     */
    public static Sealed seal(Cluster cluster, Node node, Product product, NodeConfiguration configuration,
                              NodeConfigurer.FileReader tree, NodeConfigurer.FileReader distribution)
            throws ConfigFileException, IOException {
        SecureVault vault = cluster.secureVault();
        if (vault == null) {
            return new Sealed(configuration, "no vault");
        }
        ConfigPaths paths = product.paths();
        Map<String, byte[]> replaced = new LinkedHashMap<>(configuration.replaced());
        Map<String, byte[]> added = new LinkedHashMap<>(configuration.added());
        NodeFiles files = new NodeFiles(replaced, added, tree, distribution);
        VaultKey key = key(vault, product, files);
        Set<String> supplied = Passwords.supplied(cluster);
        List<String> aliases = new ArrayList<>();
        if (product.isToml()) {
            Map<String, String[]> targets = TomlTargets.of(vault, files.text(paths.deploymentToml()), supplied,
                    paths.deploymentToml());
            targets.values().forEach(t -> aliases.add(t[0]));
            files.put(paths.deploymentToml(), TomlSealer.seal(paths.deploymentToml(), files.text(paths.deploymentToml()),
                    targets, key).getBytes(StandardCharsets.UTF_8));
        } else {
            Map<String, String> secrets = XmlTargets.seal(cluster, vault, paths, files, supplied);
            aliases.addAll(secrets.keySet());
            String cipherText = SecretConf.cipherTextPath(paths);
            files.put(cipherText, CipherTextFile.write(files.read(cipherText).orElse(null), secrets, key));
        }
        String secretConf = SecretConf.path(paths);
        files.put(secretConf, SecretConf.enable(files.read(secretConf).orElse(null), paths, key));
        List<String> changes = new ArrayList<>(configuration.changes());
        changes.add("secure vault: " + aliases.size() + " secrets (" + String.join(", ", aliases) + ") encrypted with "
                + key.keystore().file().value() + " alias " + key.keystore().alias() + ", " + key.algorithm());
        NodeConfiguration vaulted = new NodeConfiguration(replaced, added, configuration.ports(), changes,
                configuration.warnings(), configuration.deploymentToml());
        return new Sealed(vaulted, "vault " + key.algorithm() + " " + key.keystore().file().value() + " "
                + key.keystore().alias() + " " + key.certificateSha256() + " " + aliases);
    }

    /** The keystore the node's vault decrypts with: the POM's, else the one the node's configuration names. */
    private static VaultKey key(SecureVault vault, Product product, NodeFiles files) throws ConfigFileException, IOException {
        ConfigPaths paths = product.paths();
        Map<String, byte[]> config = new HashMap<>();
        for (String path : List.of(paths.carbon(), paths.catalina(), paths.deploymentToml())) {
            files.read(path).ifPresent(bytes -> config.put(path, bytes));
        }
        NodeSettings settings = SettingsReader.read(product, config, Map.of()).settings();
        Optional<KeystoreSetting> configured = settings.vaultKeystore();
        KeystoreSetting keystore;
        String named;
        if (vault.keystore() != null) {
            String file = vault.keystore();
            boolean pkcs12 = file.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(p12|pfx)");
            keystore = new KeystoreSetting(KeystoreSetting.Kind.INTERNAL, new Located(file, "pom.xml", 0),
                    pkcs12 ? "PKCS12" : "JKS", vault.alias() != null ? vault.alias()
                    : configured.map(KeystoreSetting::alias).orElse("wso2carbon"), null);
            named = "<secureVault><keystore>";
        } else {
            KeystoreSetting found = configured.orElseThrow(() -> new ConfigFileException((product.isToml()
                    ? paths.deploymentToml() : paths.carbon()) + ": names no keystore for the secure vault; configure one,"
                    + " or give <secureVault><keystore>"));
            keystore = vault.alias() == null ? found : new KeystoreSetting(found.kind(), found.file(), found.type(),
                    vault.alias(), found.password());
            named = found.file().file() + ":" + found.file().line() + " (" + (product.isToml() ? "[" + found.kind().toml() + "]"
                    : found.kind().xml()) + ")";
        }
        String path = keystore.file().value();
        byte[] bytes = files.read(path).orElseThrow(() -> new ConfigFileException(path + ": the keystore that " + named
                + " names for the secure vault is not in this node (the distribution or its overlays); add it with an"
                + " overlay (src/main/wso2/common/" + path + ", or the node's own folder)"));
        return VaultKey.read(keystore, bytes, vault.keystorePassword(), vault.algorithm());
    }

    /** The node's files as configured: edited ones, else the tree's; written back where the assembler takes them. */
    static final class NodeFiles {
        private final Map<String, byte[]> replaced;
        private final Map<String, byte[]> added;
        private final NodeConfigurer.FileReader tree;
        private final NodeConfigurer.FileReader distribution;

        NodeFiles(Map<String, byte[]> replaced, Map<String, byte[]> added, NodeConfigurer.FileReader tree,
                  NodeConfigurer.FileReader distribution) {
            this.replaced = replaced;
            this.added = added;
            this.tree = tree;
            this.distribution = distribution;
        }

        Optional<byte[]> read(String path) throws IOException {
            byte[] own = replaced.containsKey(path) ? replaced.get(path) : added.get(path);
            return own != null ? Optional.of(own) : tree.read(path);
        }

        String text(String path) throws IOException, ConfigFileException {
            return new String(read(path).orElseThrow(() -> new ConfigFileException(path + ": the file is missing")),
                    StandardCharsets.UTF_8);
        }

        Optional<XmlSource> xml(String path) throws IOException, ConfigFileException {
            Optional<byte[]> bytes = read(path);
            return bytes.isPresent() ? Optional.of(XmlSource.parse(path, bytes.get())) : Optional.empty();
        }

        /** An edited file goes where the assembler writes it: over the distribution's entry, else as a new one. */
        void put(String path, byte[] bytes) throws IOException {
            if (distribution.read(path).isPresent()) {
                replaced.put(path, bytes);
            } else {
                added.put(path, bytes);
            }
        }
    }

    /** The values to protect, as [alias, clear text] by deployment.toml key. */
    static final class TomlTargets {
        private TomlTargets() {
        }

        static Map<String, String[]> of(SecureVault vault, String text, Set<String> supplied, String path)
                throws ConfigFileException {
            Map<String, String[]> targets = new LinkedHashMap<>();
            for (VaultSecret secret : vault.secrets()) {
                if (!secret.toml()) {
                    throw new ConfigFileException(secret.where() + ": this is a deployment.toml product; give the secret"
                            + " a <key> (a dotted deployment.toml key such as super_admin.password), not <file> and <xpath>");
                }
                targets.put(secret.key(), new String[] {secret.alias() != null ? secret.alias()
                        : TomlSealer.alias(secret.key()), secret.value().reveal()});
            }
            var source = io.github.wso2cluster.config.TomlSource.parse(path, text);
            for (String key : TomlSealer.keys(source)) {
                Object value = source.value(key).orElse(null);
                if (!targets.containsKey(key) && TomlSealer.passwordKey(key) && value instanceof String s) {
                    // A database password stands XML-escaped (the templates render it into XML); a $secret{} value is
                    // substituted after the XML is parsed, so the cipher text holds the password itself.
                    String clear = supplied.contains(s) ? s : TomlDatabases.unescaped(s);
                    if (supplied.contains(clear)) {
                        targets.put(key, new String[] {TomlSealer.alias(key), clear});
                    }
                }
            }
            return targets;
        }
    }
}
