package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.settings.KeystoreSetting;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.Role;
import io.github.wso2cluster.vault.KeystoreFile;
import io.github.wso2cluster.vault.StockKeys;
import io.github.wso2cluster.vault.VaultFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keystores every WSO2 cluster trips over: each keystore and truststore the configuration names exists in the
 * node, opens with the configured password and holds the configured key alias; the primary keystore is the same on
 * every node (registry resources and values encrypted on one node are decrypted on the others); the TLS certificate
 * covers the node's hostName and mgtHostName; and a stock WSO2 key pair (its private key ships with every product)
 * used with a real hostName is a warning; a node that calls a peer over TLS trusts the peer's certificate
 * ({@link PeerTrust}). No case where no node holds a keystore file.
 */
public final class KeystoresCheck implements Check, Check.Conditional {
    private final Secret vaulted;

    /** Nodes made elsewhere: a keystore whose own password is behind the vault cannot be opened. */
    public KeystoresCheck() {
        this(null);
    }

    /**
     * @param vaulted the password of the keystores whose configured password is behind the secure vault
     *                ({@code <secureVault><serverId>}, from settings.xml), or null when the build has none
     */
    public KeystoresCheck(Secret vaulted) {
        this.vaulted = vaulted;
    }

    @Override
    public String name() {
        return "keystores";
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(n -> !n.keystoreFiles().isEmpty()) ? Optional.empty()
                : Optional.of("no node holds a keystore file (repository/resources/security)");
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, String[]> primary = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            VaultFacts vault = SecretsCheck.vault(node);
            boolean stockWarned = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (KeystoreSetting store : node.settings().keystores()) {
                String path = store.file().value();
                // deployment.toml's internal and TLS keystores default to the primary: one file is checked once.
                boolean duplicate = !seen.add(path + "|" + store.alias() + "|" + store.password().value());
                if (duplicate && store.kind() != KeystoreSetting.Kind.TLS) {
                    continue;
                }
                Optional<byte[]> bytes = node.raw(path);
                String what = store.kind().description() + " " + path;
                if (duplicate && (bytes.isEmpty() || KeystoreFile.open(bytes.get(), store.type(),
                        knownPassword(store, vault, vaulted)).problem() != null)) {
                    continue; // already reported as the primary keystore
                }
                if (bytes.isEmpty()) {
                    findings.error(node, store.file(), "the " + what + " is not in the node; the server fails to start"
                            + " (or to serve TLS): add the file, or point " + where(node, store) + " at the one it has");
                    continue;
                }
                KeystoreFile file = KeystoreFile.open(bytes.get(), store.type(), knownPassword(store, vault, vaulted));
                if (file.problem() != null) {
                    findings.error(node, store.password().line() > 0 ? store.password() : store.file(), "the " + what + " "
                            + file.problem() + " (" + store.type() + "); fix its password or type in " + where(node, store));
                    continue;
                }
                if (!file.opened()) {
                    findings.info(node, store.file(), "the " + what + " was not opened: it is PKCS12 and its password is"
                            + " behind the secure vault (in the project, <secureVault><serverId> gives verify-cluster the"
                            + " keystore password)");
                    continue;
                }
                if (store.alias() != null && file.aliases().stream().noneMatch(a -> a.equalsIgnoreCase(store.alias()))) {
                    findings.error(node, store.file(), "the " + what + " has no key alias '" + store.alias() + "' (it has "
                            + String.join(", ", file.aliases()) + "); set the alias in " + where(node, store));
                    continue;
                }
                if (store.kind() == KeystoreSetting.Kind.PRIMARY) {
                    primary.putIfAbsent(Digests.sha256(bytes.get()), new String[] {node.name(), path});
                    String sha = Digests.sha256(bytes.get());
                    String[] first = primary.values().iterator().next();
                    if (!primary.keySet().iterator().next().equals(sha)) {
                        findings.error(node, store.file(), "the primary keystore " + path + " differs from node '" + first[0]
                                + "''s " + first[1] + " (SHA-256 " + sha.substring(0, 12) + "...): registry resources and"
                                + " values one node encrypts cannot be decrypted on the others; give every node the same"
                                + " primary keystore");
                    }
                }
                Optional<X509Certificate> certificate = file.certificate(store.alias());
                if (certificate.isEmpty() || store.kind() == KeystoreSetting.Kind.TRUSTSTORE) {
                    continue;
                }
                if (store.kind() == KeystoreSetting.Kind.TLS) {
                    coverage(node, store, certificate.get(), findings);
                }
                String host = host(node, Setting.HOST_NAME);
                if (!stockWarned && host != null && StockKeys.isStock(KeystoreFile.keySha256(certificate.get()))) {
                    stockWarned = true;
                    findings.warning(node, store.file(), "the " + what + " holds WSO2's stock key pair (alias '"
                            + store.alias() + "', " + certificate.get().getSubjectX500Principal().getName() + "), whose"
                            + " private key ships with every WSO2 product, and the node is served as " + host + "; generate"
                            + " a key pair of your own for it (keytool -genkeypair -ext SAN=dns:" + host + ")");
                }
            }
        }
        PeerTrust.check(nodes, findings, vaulted);
    }

    /** The TLS certificate must name every host name clients use for the node. */
    private static void coverage(NodeFacts node, KeystoreSetting store, X509Certificate certificate, Findings findings) {
        List<String> hosts = new ArrayList<>();
        Optional.ofNullable(host(node, Setting.HOST_NAME)).ifPresent(hosts::add);
        if (node.role().orElse(null) == Role.MANAGER) {
            Optional.ofNullable(host(node, Setting.MGT_HOST_NAME)).filter(h -> !hosts.contains(h)).ifPresent(hosts::add);
        }
        List<String> names = KeystoreFile.hostNames(certificate);
        for (String host : hosts) {
            if (names.stream().noneMatch(n -> KeystoreFile.covers(n, host))) {
                Located at = node.settings().server(host.equals(host(node, Setting.HOST_NAME)) ? Setting.HOST_NAME
                        : Setting.MGT_HOST_NAME);
                findings.error(node, at.line() > 0 ? at : store.file(), "the TLS certificate (" + store.file().value()
                        + ", alias '" + store.alias() + "') names " + names + " but not " + host + "; clients that reach the"
                        + " node as " + host + " fail (\"Certificate for <" + host + "> doesn't match any of the subject"
                        + " alternative names\"): issue it with " + host + " among its subject alternative names");
            }
        }
    }

    /** A configured host name worth checking: set, not a placeholder, not localhost. */
    private static String host(NodeFacts node, Setting setting) {
        Located value = node.settings().server(setting);
        if (!value.present()) {
            return null;
        }
        String host = value.value().trim().toLowerCase(Locale.ROOT);
        return host.isEmpty() || host.contains("$") || host.contains("{") || host.equals("localhost") ? null : host;
    }

    /** The configured password when it is in clear text; null when it is behind the vault. */
    static String knownPassword(KeystoreSetting store, VaultFacts vault, Secret vaulted) {
        Located password = store.password();
        if (password == null || !password.present()) {
            return null;
        }
        boolean aliased = vault.references().stream().anyMatch(r -> r.file().equals(password.file()) && r.line() == password.line());
        return aliased || password.value().contains("$secret{") ? (vaulted == null ? null : vaulted.reveal()) : password.value();
    }

    private static String where(NodeFacts node, KeystoreSetting store) {
        return node.isToml() ? node.paths().deploymentToml() + " [" + store.kind().toml() + "]"
                : store.kind() == KeystoreSetting.Kind.TLS ? node.paths().catalina() + " (keystoreFile, keystorePass)"
                : node.paths().carbon() + " " + store.kind().xml();
    }
}
