package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.ConfigFileException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Carbon 4.x's {@code <conf>/security/cipher-text.properties}: {@code alias=<cipher text>}. The distribution ships it
 * with plain entries ({@code Carbon.Security.KeyStore.Password=[wso2carbon]}...), and an enabled vault decrypts
 * EVERY entry at start (FileBaseSecretRepository), so those are encrypted too, as the cipher tool does
 * ({@code encryptCipherTextFile}: the text between the first {@code [} and {@code ]}).
 */
final class CipherTextFile {
    private CipherTextFile() {
    }

    /**
     * @param shipped the file as the node's tree has it, or null
     * @param secrets alias to clear text: the values this build protects
     */
    static byte[] write(byte[] shipped, Map<String, String> secrets, VaultKey key) throws ConfigFileException {
        PropertiesEditor editor = new PropertiesEditor(shipped == null ? ""
                : new String(shipped, StandardCharsets.ISO_8859_1));
        for (String alias : editor.keys()) {
            String value = editor.value(alias);
            if (value != null && !secrets.containsKey(alias) && value.contains("[") && value.indexOf(']') > value.indexOf('[')) {
                editor.set(alias, key.encrypt(value.substring(value.indexOf('[') + 1, value.indexOf(']'))));
            }
        }
        editor.comment("Secure vault (wso2-cluster-maven-plugin): alias=cipher text, encrypted with this node's keystore");
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            editor.set(secret.getKey(), key.encrypt(secret.getValue()));
        }
        return editor.text().getBytes(StandardCharsets.ISO_8859_1);
    }
}
