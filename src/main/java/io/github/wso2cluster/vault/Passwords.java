package io.github.wso2cluster.vault;

import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.database.SharedDatabase;
import io.github.wso2cluster.topology.VaultSecret;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every password the POM or settings.xml supplied for the cluster: the SVN password, each shared database's, the
 * keystore's ({@code <secureVault><serverId>}) and each {@code <secret>}. A new place configure-cluster writes a
 * password to (a new database, say) belongs here, so the vault seals it and the {@code secrets} check looks for it.
 */
public final class Passwords {
    private Passwords() {
    }

    /** The clear texts (empty ones left out: an empty password is no secret to leak). */
    public static Set<String> supplied(Cluster cluster) {
        Set<String> values = new LinkedHashSet<>();
        for (Secret secret : secrets(cluster)) {
            if (secret != null && !secret.reveal().isEmpty()) {
                values.add(secret.reveal());
            }
        }
        return values;
    }

    /** The passwords configure-cluster writes into the nodes' files (without a vault: in clear text). */
    public static List<Secret> written(Cluster cluster) {
        List<Secret> written = new ArrayList<>();
        if (cluster.deploymentSynchronizer() != null) {
            written.add(cluster.deploymentSynchronizer().svnPassword());
        }
        if (cluster.databases() != null) {
            for (SharedDatabase database : new SharedDatabase[] {cluster.databases().registry(), cluster.databases().userStore()}) {
                if (database != null) {
                    written.add(database.password());
                }
            }
            for (ProductDatabase product : ProductDatabase.values()) {
                SharedDatabase database = cluster.databases().product(product);
                if (database != null) {
                    written.add(database.password());
                }
            }
        }
        written.removeIf(s -> s == null || s.reveal().isEmpty());
        return written;
    }

    private static List<Secret> secrets(Cluster cluster) {
        List<Secret> all = new ArrayList<>(written(cluster));
        if (cluster.secureVault() != null) {
            all.add(cluster.secureVault().keystorePassword());
            cluster.secureVault().secrets().stream().map(VaultSecret::value).forEach(all::add);
        }
        return all;
    }
}
