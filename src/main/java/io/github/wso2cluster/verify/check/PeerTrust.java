package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.settings.KeystoreSetting;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.vault.KeystoreFile;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.TomlKeys;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;

/**
 * A node that calls a peer over TLS ({@code https://} or {@code ssl://} to the peer's own address, in its
 * deployment.toml) must trust the peer's TLS certificate (its truststore holds that certificate or its issuer, or the
 * call fails with a PKIX path error at run time), and the certificate must name the host the caller uses. A URL to the cluster's common host name reaches the load
 * balancer, whose certificate is not the nodes'; those are left alone.
 */
final class PeerTrust {
    private static final Pattern TLS_URL = Pattern.compile("(?i)\\b(?:https|ssl)://\\[?([A-Za-z0-9.:-]+?)]?(?::\\d+)?(?:[/\"'\\s,]|$)");

    private PeerTrust() {
    }

    /** A URL a node opens, with where it is written. */
    private record Call(String url, String host, Located where) {
    }

    static void check(List<NodeFacts> nodes, Findings findings, Secret vaulted) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (NodeFacts caller : nodes) {
            List<Call> calls = calls(caller);
            if (calls.isEmpty()) {
                continue;
            }
            Optional<KeystoreFile> truststore = open(caller, KeystoreSetting.Kind.TRUSTSTORE, vaulted);
            for (Call call : calls) {
                NodeFacts peer = peerAt(call.host(), caller, nodes);
                Optional<X509Certificate> certificate = peer == null ? Optional.empty() : certificate(peer, vaulted);
                if (certificate.isEmpty()) {
                    continue; // not a peer of this cluster, or a store that cannot be read: reported by the keystore rows
                }
                List<String> names = KeystoreFile.hostNames(certificate.get());
                if (names.stream().noneMatch(n -> KeystoreFile.covers(n, call.host())) && reported.add(peer.name() + "|" + call.host())) {
                    findings.error(peer, tlsStore(peer).map(KeystoreSetting::file).orElse(call.where()), "node '"
                            + caller.name() + "' calls this node as " + call.host() + " (" + call.where().file() + ":"
                            + call.where().line() + " " + call.where().value() + "), but its TLS certificate names " + names
                            + " only: the call fails (\"Certificate for <" + call.host() + "> doesn't match any of the subject"
                            + " alternative names\"); issue it with " + call.host() + " among its subject alternative names");
                }
                if (truststore.isEmpty()) {
                    continue;
                }
                if (!trusts(truststore.get(), certificate.get())) {
                    findings.error(caller, call.where(), "calls node '" + peer.name() + "' at " + call.url() + " over TLS,"
                            + " but its truststore trusts neither that node's certificate ("
                            + certificate.get().getSubjectX500Principal().getName() + ") nor its issuer: the call fails"
                            + " with a PKIX path error; import the certificate into the truststore (keytool -importcert),"
                            + " or issue every node's certificate from one CA the truststores hold");
                }
            }
        }
    }

    /** Every TLS URL in the node's deployment.toml, with its key's line. */
    private static List<Call> calls(NodeFacts node) {
        List<Call> calls = new ArrayList<>();
        Optional<TomlSource> toml = node.toml();
        if (toml.isEmpty()) {
            return calls;
        }
        for (String key : TomlKeys.leaves(toml.get().parsed())) {
            Optional<Object> value = toml.get().value(key);
            List<Object> values = value.filter(TomlArray.class::isInstance).map(a -> ((TomlArray) a).toList())
                    .orElse(value.map(List::<Object>of).orElse(List.of()));
            for (Object item : values) {
                Matcher matcher = TLS_URL.matcher(String.valueOf(item));
                while (matcher.find()) {
                    calls.add(new Call(matcher.group().replaceAll("[/\"'\\s,]$", ""), matcher.group(1).toLowerCase(Locale.ROOT),
                            new Located(key, toml.get().fileName(), Math.max(1, toml.get().lineOf(key)))));
                }
            }
        }
        return calls;
    }

    /**
     * The node a host names: by its own address ({@code localMemberHost}), or by a host name that node alone has. The
     * caller itself is no peer.
     */
    private static NodeFacts peerAt(String host, NodeFacts caller, List<NodeFacts> nodes) {
        NodeFacts byName = null;
        int sharing = 0;
        for (NodeFacts node : nodes) {
            Located own = node.settings().clustering(Setting.LOCAL_MEMBER_HOST);
            if (own.present() && own.value().trim().equalsIgnoreCase(host)) {
                return node == caller ? null : node;
            }
            Located name = node.settings().server(Setting.HOST_NAME);
            if (name.present() && name.value().trim().equalsIgnoreCase(host)) {
                byName = node;
                sharing++;
            }
        }
        return sharing == 1 && byName != caller ? byName : null;
    }

    private static Optional<X509Certificate> certificate(NodeFacts node, Secret vaulted) {
        return tlsStore(node).flatMap(store -> open(node, store, vaulted).flatMap(file -> file.certificate(store.alias())));
    }

    private static Optional<KeystoreSetting> tlsStore(NodeFacts node) {
        return node.settings().keystores().stream().filter(s -> s.kind() == KeystoreSetting.Kind.TLS).findFirst();
    }

    private static Optional<KeystoreFile> open(NodeFacts node, KeystoreSetting.Kind kind, Secret vaulted) {
        return node.settings().keystores().stream().filter(s -> s.kind() == kind).findFirst()
                .flatMap(s -> open(node, s, vaulted));
    }

    private static Optional<KeystoreFile> open(NodeFacts node, KeystoreSetting store, Secret vaulted) {
        String password = KeystoresCheck.knownPassword(store, SecretsCheck.vault(node), vaulted);
        return node.raw(store.file().value()).map(bytes -> KeystoreFile.open(bytes, store.type(), password))
                .filter(file -> file.problem() == null && file.opened());
    }

    /** The truststore holds the certificate itself, or a certificate whose key signed it. */
    private static boolean trusts(KeystoreFile truststore, X509Certificate certificate) {
        for (X509Certificate trusted : truststore.certificates()) {
            if (trusted.equals(certificate)) {
                return true;
            }
            if (trusted.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(trusted.getPublicKey());
                    return true;
                } catch (java.security.GeneralSecurityException notThisOne) {
                    // another certificate of the same name may be the issuer
                }
            }
        }
        return false;
    }
}
