package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.input.SecretInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code <secureVault>} and {@code <secrets>}: each checked and given its defaults; problems go to the list. What
 * needs the distribution (the keystore exists in the node, the key fits the product's format) is checked when the
 * nodes are configured.
 */
final class VaultSettings {
    private static final Pattern TOML_KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");
    /** An alias is a properties key and a deployment.toml bare key alike: no separator, no space. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> ALGORITHMS = Map.of(
            "rsa", SecureVault.RSA,
            "rsa/ecb/pkcs1padding", "RSA/ECB/PKCS1Padding",
            "rsa/ecb/oaepwithsha1andmgf1padding", SecureVault.RSA_OAEP);

    private VaultSettings() {
    }

    static SecureVault secureVault(SecureVaultInput in, List<SecretInput> secrets, CredentialSource credentials,
                                   Problems problems) {
        List<SecretInput> given = secrets == null ? List.of() : secrets;
        if (in == null) {
            if (!given.isEmpty()) {
                problems.add("secrets: need <secureVault> (a secret is written into the nodes encrypted only); add"
                        + " <secureVault/>, or remove <secrets>");
            }
            return null;
        }
        String keystore = Settings.trimToNull(in.getKeystore());
        if (keystore != null && !plainRelative(keystore)) {
            problems.add("secureVault/keystore: '" + keystore + "' is not a file inside the distribution's top folder;"
                    + " give it relative to the top folder, without '..', e.g. repository/resources/security/node.jks");
            keystore = null;
        }
        Secret password = null;
        String serverId = Settings.trimToNull(in.getServerId());
        if (serverId != null) {
            password = serverPassword("secureVault/serverId", serverId, credentials, problems);
        }
        String alias = Settings.trimToNull(in.getAlias());
        String algorithmText = Settings.trimToNull(in.getAlgorithm());
        String algorithm = algorithmText == null ? SecureVault.RSA : ALGORITHMS.get(algorithmText.toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            problems.add("secureVault/algorithm: '" + algorithmText + "' is not one the node decrypts with; use "
                    + SecureVault.RSA + " (default, PKCS#1 v1.5) or " + SecureVault.RSA_OAEP);
        }
        return new SecureVault(keystore, password, alias, algorithm, secrets(given, credentials, problems));
    }

    private static List<VaultSecret> secrets(List<SecretInput> inputs, CredentialSource credentials, Problems problems) {
        List<VaultSecret> secrets = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            SecretInput in = inputs.get(i);
            String where = "secrets[" + i + "]";
            int before = problems.size();
            String key = Settings.trimToNull(in.getKey());
            String file = Settings.trimToNull(in.getFile());
            String xpath = Settings.trimToNull(in.getXpath());
            String alias = Settings.trimToNull(in.getAlias());
            if (key == null && (file == null || xpath == null)) {
                problems.add(where + ": give <key> (a deployment.toml dotted key such as super_admin.password) or, on"
                        + " Carbon 4.x products, <file> and <xpath>");
            } else if (key != null && (file != null || xpath != null)) {
                problems.add(where + ": give <key>, or <file> and <xpath>, not both");
            } else if (key != null && !TOML_KEY.matcher(key).matches()) {
                problems.add(where + "/key: '" + key + "' is not a dotted key of bare names (letters, digits, '_', '-')");
            } else if (file != null && !plainRelative(file)) {
                problems.add(where + "/file: '" + file + "' must be a relative path inside the distribution");
            }
            if (alias != null && !ALIAS.matcher(alias).matches()) {
                problems.add(where + "/alias: '" + alias + "' is not an alias (letters, digits, '.', '_', '-')");
            }
            String serverId = Settings.trimToNull(in.getServerId());
            Secret value = null;
            if (serverId == null) {
                problems.add(where + "/serverId: is required: a secret comes from settings.xml <servers> (its"
                        + " <password>), never from the POM");
            } else {
                value = serverPassword(where + "/serverId", serverId, credentials, problems);
            }
            String place = key != null ? key : file + "//" + xpath;
            String earlier = seen.putIfAbsent(place, where);
            if (earlier != null && problems.size() == before) {
                problems.add(where + ": " + place + " is already given by " + earlier + "; give each place once");
            }
            if (problems.size() == before) {
                secrets.add(new VaultSecret(key, file, xpath, alias, value, where));
            }
        }
        return secrets;
    }

    private static Secret serverPassword(String where, String serverId, CredentialSource credentials, Problems problems) {
        try {
            Optional<Credentials> found = credentials.lookup(serverId);
            if (found.isEmpty()) {
                problems.add(where + ": no <server> with id '" + serverId + "' in settings.xml; add one with its"
                        + " <password>");
                return null;
            }
            Secret password = found.get().password();
            if (password == null || password.reveal().isEmpty()) {
                problems.add(where + ": settings.xml server '" + serverId + "' has no <password>");
                return null;
            }
            return password;
        } catch (CredentialSource.Unavailable e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static boolean plainRelative(String path) {
        return !path.startsWith("/") && !path.contains("\\") && !path.matches("[A-Za-z]:.*")
                && List.of(path.split("/", -1)).stream().noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    }
}
