package io.github.wso2cluster.topology;

import java.util.List;

/**
 * {@code <secureVault>}, validated: every password configure-cluster writes, and each {@link VaultSecret}, goes
 * into the nodes encrypted with the node's keystore certificate.
 *
 * @param keystore         the keystore file relative to the top folder, or null for the one WSO2's cipher tool
 *                         would use (internal, else primary)
 * @param keystorePassword the password that opens the keystore (settings.xml {@code serverId}), or null: a JKS
 *                         keystore yields its certificate without one
 * @param alias            the key alias, or null for the keystore's configured one
 * @param algorithm        the JCE transformation the node decrypts with
 * @param secrets          the {@code <secrets>}
 */
public record SecureVault(String keystore, Secret keystorePassword, String alias, String algorithm,
                          List<VaultSecret> secrets) {
    /** WSO2's default: {@code Cipher.getInstance("RSA")}, that is PKCS#1 v1.5 padding. */
    public static final String RSA = "RSA";
    /** The other transformation WSO2's cipher tool documents ({@code -Dorg.wso2.CipherTransformation}). */
    public static final String RSA_OAEP = "RSA/ECB/OAEPwithSHA1andMGF1Padding";

    public SecureVault {
        secrets = List.copyOf(secrets);
    }
}
