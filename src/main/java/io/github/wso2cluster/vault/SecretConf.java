package io.github.wso2cluster.vault;

import io.github.wso2cluster.product.ConfigPaths;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <conf>/security/secret-conf.properties}, which the kernel's SecretManagerInitializer reads at start (it is
 * not rendered from deployment.toml): enabled with the keys WSO2's cipher tool writes (cipher-tool
 * {@code Utils.writeToSecureConfPropertyFile}), except that the keystore's location is relative to the product folder,
 * as WSO2's documentation writes it (the tool writes the absolute path of the machine it ran on), and the algorithm is
 * always written, so the node decrypts with the transformation its values were encrypted with.
 */
public final class SecretConf {
    static final String ENABLED = "secVault.enabled";
    static final String ALGORITHM = "secretRepositories.file.algorithm";
    static final String KEYSTORE_LOCATION = "keystore.identity.location";
    static final String KEYSTORE_TYPE = "keystore.identity.type";
    static final String KEYSTORE_ALIAS = "keystore.identity.alias";
    /** The carbon handler reads the keystore password from password-tmp, password-persist or the console. */
    private static final String CALLBACK = "org.wso2.carbon.securevault.DefaultSecretCallbackHandler";

    private SecretConf() {
    }

    public static String path(ConfigPaths paths) {
        return paths.conf() + "/security/secret-conf.properties";
    }

    /** Where the secrets are: the file the cipher tool fills (Carbon 4.x), or the one deployment.toml's [secrets] renders. */
    public static String cipherTextPath(ConfigPaths paths) {
        return paths.conf() + "/security/cipher-text.properties";
    }

    /** The keys and values the node's vault needs, in the cipher tool's sense. */
    static Map<String, String> entries(ConfigPaths paths, VaultKey key) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ENABLED, "true");
        entries.put("carbon.secretProvider", "org.wso2.securevault.secret.handler.SecretManagerSecretCallbackHandler");
        entries.put("secretRepositories", "file");
        entries.put("secretRepositories.file.provider",
                "org.wso2.securevault.secret.repository.FileBaseSecretRepositoryProvider");
        entries.put("secretRepositories.file.location", cipherTextPath(paths));
        entries.put(ALGORITHM, key.algorithm());
        entries.put(KEYSTORE_LOCATION, key.keystore().file().value());
        entries.put(KEYSTORE_TYPE, key.keystore().isPkcs12() ? "PKCS12" : "JKS");
        entries.put(KEYSTORE_ALIAS, key.keystore().alias());
        entries.put("keystore.identity.store.password", "identity.store.password");
        entries.put("keystore.identity.store.secretProvider", CALLBACK);
        entries.put("keystore.identity.key.password", "identity.key.password");
        entries.put("keystore.identity.key.secretProvider", CALLBACK);
        return entries;
    }

    /**
     * The node's secret-conf.properties, enabled: its active keys set in place, the missing ones appended; WSO2's
     * commented samples stay as they are.
     *
     * @param shipped the file as the node's tree has it, or null when it has none
     */
    public static byte[] enable(byte[] shipped, ConfigPaths paths, VaultKey key) {
        PropertiesEditor editor = new PropertiesEditor(shipped == null ? "" : new String(shipped, StandardCharsets.ISO_8859_1));
        editor.comment("Secure vault, enabled by wso2-cluster-maven-plugin. The keystore password is never written:"
                + " give it at start (password-tmp in the product folder, or the prompt).");
        entries(paths, key).forEach(editor::set);
        return editor.text().getBytes(StandardCharsets.ISO_8859_1);
    }
}
