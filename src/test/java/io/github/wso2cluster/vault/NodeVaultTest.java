package io.github.wso2cluster.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.config.NodeConfigurer;
import io.github.wso2cluster.config.TomlConfigurer;
import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.Keystores;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.Credentials;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.SecretInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The secure vault on a real IS 7.0.0 deployment.toml and on real Carbon 4.4 files: every password the plugin writes
 * is replaced by its alias, every cipher text decrypts with the node keystore's private key to the password, and
 * every line no setting touches keeps its bytes.
 */
class NodeVaultTest {
    private static final Path TOML_ROOT = Path.of("src/test/resources/wso2-toml/is-7.0.0");
    private static final Path VAULT_ROOT = Path.of("src/test/resources/wso2-vault/is-7.0.0");
    private static final Path XML_ROOT = Path.of("src/test/resources/wso2-conf/carbon-kernel-4.4.40");
    private static final String TOML = "repository/conf/deployment.toml";
    private static final String KEYSTORE = "repository/resources/security/wso2carbon.jks";
    private static final String SECRET_CONF = "repository/conf/security/secret-conf.properties";
    private static final String CIPHER_TEXT = "repository/conf/security/cipher-text.properties";
    /** Passwords with characters TOML, XML and properties files escape. */
    private static final String DB_PASSWORD = "db<&>\"pa\\ss 1";
    private static final String ADMIN_PASSWORD = "adm1n=sécret";
    private static final String SVN_PASSWORD = "svn&pass";

    @TempDir
    Path dir;

    private static CredentialSource servers() {
        Map<String, String> passwords = Map.of("admin", ADMIN_PASSWORD, "keystore", Keystores.PASSWORD, "db", DB_PASSWORD,
                "svn", SVN_PASSWORD);
        return id -> Optional.ofNullable(passwords.get(id)).map(p -> new Credentials(id + "-user", Secret.of(p)));
    }

    private static ClusterInput input(boolean toml) {
        ClusterInput input = Fixtures.referenceCluster();
        input.databases = new DatabasesInput();
        input.databases.setRegistry(new DatabaseInput("jdbc:mysql://db:3306/SHARED_DB", "db"));
        input.secureVault = new SecureVaultInput();
        if (toml) {
            input.secrets = List.of(new SecretInput("super_admin.password", "admin"));
        } else {
            input.deploymentSynchronizer = new io.github.wso2cluster.topology.input.DeploymentSynchronizerInput();
            input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
            input.deploymentSynchronizer.setServerId("svn");
            SecretInput admin = new SecretInput();
            admin.setFile("repository/conf/user-mgt.xml");
            admin.setXpath("/UserManager/Realm/Configuration/AdminUser/Password");
            admin.setServerId("admin");
            input.secrets = List.of(admin);
        }
        return input;
    }

    private static Cluster cluster(ClusterInput input) throws Exception {
        return new TopologyValidator(servers()).validate(input);
    }

    private Map<String, byte[]> tomlTree(Path keystore) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put(TOML, Files.readAllBytes(TOML_ROOT.resolve(TOML)));
        files.put(SECRET_CONF, Files.readAllBytes(VAULT_ROOT.resolve(SECRET_CONF)));
        files.put(KEYSTORE, Files.readAllBytes(keystore));
        return files;
    }

    private static NodeVault.Sealed seal(Cluster cluster, Product product, NodeConfiguration configuration,
                                         Map<String, byte[]> tree) throws Exception {
        NodeConfigurer.FileReader reader = path -> Optional.ofNullable(tree.get(path));
        return NodeVault.seal(cluster, cluster.node("manager").orElseThrow(), product, configuration, reader, reader);
    }

    private static Product toml() {
        return new Product(ProductLine.IDENTITY_SERVER, "7.0.0", ConfigFormat.TOML, ConfigPaths.STANDARD);
    }

    @Test
    void deploymentTomlGetsAliasesAndALastSecretsTableThatDecrypts() throws Exception {
        Path keystore = Keystores.generate(dir.resolve("wso2carbon.jks"), "JKS", "wso2carbon", "is.example.com");
        Cluster cluster = cluster(input(true));
        Map<String, byte[]> tree = tomlTree(keystore);
        NodeConfiguration plain = TomlConfigurer.configure(cluster, cluster.node("manager").orElseThrow(),
                ConfigPaths.STANDARD, tree.get(TOML));
        NodeConfiguration vaulted = seal(cluster, toml(), plain, tree).configuration();

        String before = new String(plain.replaced().get(TOML), StandardCharsets.UTF_8);
        String after = new String(vaulted.replaced().get(TOML), StandardCharsets.UTF_8);
        assertFalse(after.contains(DB_PASSWORD.replace("\\", "\\\\").replace("\"", "\\\"")), after);
        assertFalse(after.contains(ADMIN_PASSWORD), after);
        TomlParseResult parsed = Toml.parse(after);
        assertEquals(List.of(), parsed.errors());
        assertEquals("$secret{database_shared_db_password}", parsed.getString("database.shared_db.password"));
        assertEquals("$secret{super_admin_password}", parsed.getString("super_admin.password"));
        // [secrets] is the last table, its header exactly that line (the cipher tool's test).
        List<String> lines = after.lines().toList();
        int header = lines.indexOf("[secrets]");
        assertTrue(header > 0, after);
        assertTrue(lines.subList(header + 1, lines.size()).stream().noneMatch(l -> l.trim().startsWith("[")), after);
        assertEquals(DB_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA",
                parsed.getString("secrets.database_shared_db_password")));
        assertEquals(ADMIN_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA/ECB/PKCS1Padding",
                parsed.getString("secrets.super_admin_password")));
        // Only the two values changed, and the table was added.
        LineDiff diff = LineDiff.of(before, after);
        assertEquals(2, diff.removed().size(), diff.toString());
        assertTrue(diff.removed().stream().allMatch(l -> l.startsWith("password = ")), diff.toString());

        Properties conf = properties(vaulted.replaced().get(SECRET_CONF));
        assertEquals("true", conf.getProperty("secVault.enabled"));
        assertEquals(KEYSTORE, conf.getProperty("keystore.identity.location"));
        assertEquals("JKS", conf.getProperty("keystore.identity.type"));
        assertEquals("wso2carbon", conf.getProperty("keystore.identity.alias"));
        assertEquals("RSA", conf.getProperty("secretRepositories.file.algorithm"));
        assertEquals("repository/conf/security/cipher-text.properties", conf.getProperty("secretRepositories.file.location"));
        assertEquals("identity.store.password", conf.getProperty("keystore.identity.store.password"));
        // WSO2's commented samples keep their bytes: the stock file is a prefix of the enabled one.
        String stock = Files.readString(VAULT_ROOT.resolve(SECRET_CONF), StandardCharsets.ISO_8859_1);
        assertTrue(new String(vaulted.replaced().get(SECRET_CONF), StandardCharsets.ISO_8859_1).startsWith(stock));
        // The keystore password reached no file.
        for (byte[] file : vaulted.replaced().values()) {
            assertFalse(new String(file, StandardCharsets.ISO_8859_1).contains(Keystores.PASSWORD));
        }
    }

    @Test
    void oaepIsWrittenAsTheAlgorithmAndDecryptsWithIt() throws Exception {
        Path keystore = Keystores.generate(dir.resolve("wso2carbon.jks"), "JKS", "wso2carbon", "is.example.com");
        ClusterInput input = input(true);
        input.secureVault.setAlgorithm("RSA/ECB/OAEPwithSHA1andMGF1Padding");
        Cluster cluster = cluster(input);
        Map<String, byte[]> tree = tomlTree(keystore);
        NodeConfiguration plain = TomlConfigurer.configure(cluster, cluster.node("manager").orElseThrow(),
                ConfigPaths.STANDARD, tree.get(TOML));
        NodeConfiguration vaulted = seal(cluster, toml(), plain, tree).configuration();
        TomlParseResult parsed = Toml.parse(new String(vaulted.replaced().get(TOML), StandardCharsets.UTF_8));
        assertEquals(DB_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA/ECB/OAEPwithSHA1andMGF1Padding",
                parsed.getString("secrets.database_shared_db_password")));
        assertThrows(javax.crypto.BadPaddingException.class, () -> Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA",
                parsed.getString("secrets.database_shared_db_password")));
        assertEquals("RSA/ECB/OAEPwithSHA1andMGF1Padding",
                properties(vaulted.replaced().get(SECRET_CONF)).getProperty("secretRepositories.file.algorithm"));
    }

    @Test
    void pkcs12NeedsThePasswordOfServerIdAndOpensWithIt() throws Exception {
        Path keystore = Keystores.generate(dir.resolve("wso2carbon.p12"), "PKCS12", "wso2carbon", "is.example.com");
        ClusterInput input = input(true);
        input.tomlEdits = List.of(new io.github.wso2cluster.topology.input.TomlEditInput("keystore.primary.file_name",
                "\"wso2carbon.p12\""), new io.github.wso2cluster.topology.input.TomlEditInput("keystore.primary.type", "\"PKCS12\""));
        Map<String, byte[]> tree = tomlTree(keystore);
        tree.put("repository/resources/security/wso2carbon.p12", tree.remove(KEYSTORE));
        Cluster without = cluster(input);
        NodeConfiguration plain = TomlConfigurer.configure(without, without.node("manager").orElseThrow(),
                ConfigPaths.STANDARD, tree.get(TOML));
        ConfigFileException missing = assertThrows(ConfigFileException.class, () -> seal(without, toml(), plain, tree));
        assertTrue(missing.getMessage().contains("PKCS12") && missing.getMessage().contains("<serverId>"), missing.getMessage());

        input.secureVault.setServerId("admin"); // the wrong password
        Cluster wrong = cluster(input);
        ConfigFileException refused = assertThrows(ConfigFileException.class, () -> seal(wrong, toml(), plain, tree));
        assertTrue(refused.getMessage().contains("does not open"), refused.getMessage());
        assertFalse(refused.getMessage().contains(ADMIN_PASSWORD));

        input.secureVault.setServerId("keystore");
        Cluster right = cluster(input);
        NodeConfiguration vaulted = seal(right, toml(), plain, tree).configuration();
        TomlParseResult parsed = Toml.parse(new String(vaulted.replaced().get(TOML), StandardCharsets.UTF_8));
        assertEquals(ADMIN_PASSWORD, Keystores.decrypt(keystore, "PKCS12", "wso2carbon", "RSA",
                parsed.getString("secrets.super_admin_password")));
        assertEquals("PKCS12", properties(vaulted.replaced().get(SECRET_CONF)).getProperty("keystore.identity.type"));
        // The keystore password is vaulted where the file has it, never left in clear.
        assertFalse(new String(vaulted.replaced().get(TOML), StandardCharsets.UTF_8).contains(Keystores.PASSWORD));
    }

    @Test
    void aMissingKeystoreOrAliasIsNamed() throws Exception {
        Cluster cluster = cluster(input(true));
        Map<String, byte[]> tree = tomlTree(Keystores.generate(dir.resolve("k.jks"), "JKS", "other", "x"));
        NodeConfiguration plain = TomlConfigurer.configure(cluster, cluster.node("manager").orElseThrow(),
                ConfigPaths.STANDARD, tree.get(TOML));
        ConfigFileException alias = assertThrows(ConfigFileException.class, () -> seal(cluster, toml(), plain, tree));
        assertTrue(alias.getMessage().contains("'wso2carbon'") && alias.getMessage().contains("other"), alias.getMessage());
        tree.remove(KEYSTORE);
        ConfigFileException missing = assertThrows(ConfigFileException.class, () -> seal(cluster, toml(), plain, tree));
        assertTrue(missing.getMessage().startsWith(KEYSTORE + ": ") && missing.getMessage().contains("[keystore.internal]")
                && missing.getMessage().contains("overlay"), missing.getMessage());
    }

    @Test
    void aSecretsTableThatIsNotLastIsRefused() throws Exception {
        Path keystore = Keystores.generate(dir.resolve("wso2carbon.jks"), "JKS", "wso2carbon", "is.example.com");
        Cluster cluster = cluster(input(true));
        Map<String, byte[]> tree = tomlTree(keystore);
        String toml = new String(tree.get(TOML), StandardCharsets.UTF_8).replace("[keystore.primary]",
                "[secrets]\nother = \"x\"\n\n[keystore.primary]");
        NodeConfiguration plain = TomlConfigurer.configure(cluster, cluster.node("manager").orElseThrow(),
                ConfigPaths.STANDARD, toml.getBytes(StandardCharsets.UTF_8));
        ConfigFileException refused = assertThrows(ConfigFileException.class, () -> seal(cluster, toml(), plain, tree));
        assertTrue(refused.getMessage().contains("[secrets] is not the last table"), refused.getMessage());
    }

    @Test
    void carbonFilesGetSecretAliasesAndCipherTextThatDecrypts() throws Exception {
        Path keystore = Keystores.generate(dir.resolve("wso2carbon.jks"), "JKS", "wso2carbon", "as.example.com");
        Cluster cluster = cluster(input(false));
        Map<String, byte[]> tree = new HashMap<>();
        for (String file : List.of("repository/conf/axis2/axis2.xml", "repository/conf/carbon.xml",
                "repository/conf/tomcat/catalina-server.xml", "repository/conf/datasources/master-datasources.xml",
                "repository/conf/registry.xml", "repository/conf/user-mgt.xml")) {
            tree.put(file, Files.readAllBytes(XML_ROOT.resolve(file)));
        }
        tree.put(KEYSTORE, Files.readAllBytes(keystore));
        tree.put(CIPHER_TEXT, Files.readAllBytes(VAULT_ROOT.resolve(CIPHER_TEXT)));
        tree.put("repository/conf/security/cipher-tool.properties",
                Files.readAllBytes(VAULT_ROOT.resolve("repository/conf/security/cipher-tool.properties")));
        NodeConfigurer.FileReader reader = path -> Optional.ofNullable(tree.get(path));
        NodeConfiguration plain = new NodeConfigurer().configure(cluster, cluster.node("manager").orElseThrow(), reader);
        Product product = new Product(ProductLine.CARBON, "4.4.40", ConfigFormat.XML, ConfigPaths.STANDARD);
        NodeConfiguration vaulted = seal(cluster, product, plain, tree).configuration();

        String datasources = text(vaulted, "repository/conf/datasources/master-datasources.xml");
        assertTrue(datasources.contains("<password svns:secretAlias=\"Datasources.WSO2_REGISTRY_DB.Configuration.Password\">"
                + "password</password>"), datasources);
        String carbon = text(vaulted, "repository/conf/carbon.xml");
        assertTrue(carbon.contains("<SvnPassword svns:secretAlias=\"Carbon.DeploymentSynchronizer.SvnPassword\">password"
                + "</SvnPassword>"), carbon);
        assertTrue(carbon.contains("xmlns:svns=\"http://org.wso2.securevault/configuration\""), carbon);
        String users = text(vaulted, "repository/conf/user-mgt.xml");
        assertTrue(users.contains("svns:secretAlias=\"UserManager.AdminUser.Password\">password</Password>"), users);
        for (String file : List.of(datasources, carbon, users)) {
            assertFalse(file.contains(DB_PASSWORD.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
            assertFalse(file.contains("svn&amp;pass"));
        }
        // Lines no setting touched keep their bytes: carbon.xml differs from the plain one only in those two lines.
        LineDiff diff = LineDiff.of(text(plain, "repository/conf/carbon.xml"), carbon);
        assertEquals(2, diff.removed().size(), diff.toString());

        Properties ciphers = properties(vaulted.added().containsKey(CIPHER_TEXT) ? vaulted.added().get(CIPHER_TEXT)
                : vaulted.replaced().get(CIPHER_TEXT));
        assertEquals(DB_PASSWORD, decrypt(keystore, ciphers, "Datasources.WSO2_REGISTRY_DB.Configuration.Password"));
        assertEquals(SVN_PASSWORD, decrypt(keystore, ciphers, "Carbon.DeploymentSynchronizer.SvnPassword"));
        assertEquals(ADMIN_PASSWORD, decrypt(keystore, ciphers, "UserManager.AdminUser.Password"));
        // The stock plain entries are encrypted too: an enabled vault decrypts every entry.
        assertEquals("wso2carbon", decrypt(keystore, ciphers, "Carbon.Security.KeyStore.Password"));
        assertEquals("admin", decrypt(keystore, ciphers, "UserManager.AdminUser.Password").equals(ADMIN_PASSWORD) ? "admin"
                : "the POM's admin password must win over the stock [admin]");
        assertTrue(ciphers.stringPropertyNames().stream().noneMatch(k -> ciphers.getProperty(k).startsWith("[")));
    }

    private static String decrypt(Path keystore, Properties ciphers, String alias) throws Exception {
        return Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA", ciphers.getProperty(alias));
    }

    private static String text(NodeConfiguration configuration, String path) {
        byte[] bytes = configuration.replaced().get(path);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Properties properties(byte[] bytes) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        return properties;
    }
}
