package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.settings.SettingsReader;
import io.github.wso2cluster.vault.SecretConf;
import io.github.wso2cluster.vault.VaultFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secure vault, as the server will find it at start: no clear-text password left where the vault is on, every
 * alias with its cipher text, deployment.toml's {@code [secrets]} the last table with nothing left {@code [plain]},
 * and cipher-text.properties with no plain entry (an enabled vault decrypts every one). Applies to nodes that use the
 * vault; a cluster where none does has no case (its passwords are warned about by configure-cluster).
 */
public final class SecretsCheck implements Check, Check.Conditional {
    @Override
    public String name() {
        return "secrets";
    }

    static VaultFacts vault(NodeFacts node) {
        Map<String, XmlSource> xml = new LinkedHashMap<>();
        for (String path : SettingsReader.xmlFiles(node.paths())) {
            node.file(path).ifPresent(source -> xml.put(path, source));
        }
        return VaultFacts.read(node.paths(), node.raw(SecretConf.path(node.paths())).orElse(null),
                node.raw(SecretConf.cipherTextPath(node.paths())).orElse(null), node.toml().orElse(null), xml);
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(n -> vault(n).inUse()) ? Optional.empty()
                : Optional.of("no node uses the secure vault (configure <secureVault> to encrypt the passwords)");
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            VaultFacts vault = vault(node);
            if (!vault.inUse()) {
                continue;
            }
            if (!vault.isEnabled() && !vault.references().isEmpty()) {
                Located first = vault.references().get(0);
                findings.error(node, vault.enabled().present() ? vault.enabled() : first, "refers to secure-vault alias '"
                        + first.value() + "' (" + first.file() + ":" + first.line() + ") but " + SecretConf.path(node.paths())
                        + " does not set secVault.enabled=true, so no alias resolves; enable the vault (configure-cluster's"
                        + " <secureVault> does, or WSO2's ciphertool.sh -Dconfigure)");
            }
            for (Located reference : vault.references()) {
                if (!vault.cipherTexts().containsKey(reference.value()) && !vault.runtimeSecrets()) {
                    findings.error(node, reference, "alias '" + reference.value() + "' has no cipher text in "
                            + vault.cipherFile() + (node.isToml() ? " [secrets]: the server refuses to start (\"Secret"
                            + " references can't be resolved for " + reference.value() + "\")" : ": Carbon reads the"
                            + " literal text instead of the password") + "; add it, encrypted with the node's keystore");
                }
            }
            vault.afterSecrets().ifPresent(after -> findings.error(node, vault.secretsHeader().orElse(after),
                    "[secrets] is not the last table (another starts at line " + after.line() + "); WSO2's cipher tool"
                            + " rewrites every line after the [secrets] header, so move [secrets] to the end of the file"));
            for (Located plain : vault.plainEntries()) {
                findings.error(node, plain, node.isToml()
                        ? "[secrets] " + plain.value() + " is still plain text; the server refuses to start (\"Secret"
                        + " references can't be plain text for " + plain.value() + "\"): encrypt it (configure-cluster's"
                        + " <secrets>, or ciphertool.sh -Dconfigure)"
                        : plain.value() + " is still plain text ([...]); an enabled vault decrypts every entry at start"
                        + " and fails on it: encrypt it (ciphertool.sh -Dconfigure) or remove it");
            }
            if (vault.isEnabled()) {
                clearText(node, findings);
            }
        }
    }

    /** A password in clear text on a node whose vault is on: one the POM or settings.xml supplied was left behind. */
    private static void clearText(NodeFacts node, Findings findings) {
        for (Datasource datasource : node.databases().datasources()) {
            String password = datasource.password() == null ? "" : datasource.password().reveal();
            if (datasource.shared() && !password.isEmpty() && !datasource.vaultPassword()) {
                findings.error(node, datasource.where(), "datasource " + datasource.name() + " has its password in clear"
                        + " text although the node's secure vault is on; put it behind the vault (configure-cluster's"
                        + " <secureVault> does for the passwords it writes)");
            }
        }
        Optional<XmlSource> carbon = node.file(node.paths().carbon());
        carbon.flatMap(c -> new CarbonServer(c).synchronizer("SvnPassword")).ifPresent(element -> {
            boolean aliased = element.attributes().stream().anyMatch(a -> a.name().endsWith(":secretAlias"));
            if (!aliased && !carbon.get().textOf(element).isEmpty()) {
                findings.error(node, new Located(null, node.paths().carbon(), carbon.get().lineOf(element.start())),
                        "the SVN password is in clear text although the node's secure vault is on; give it"
                                + " svns:secretAlias=\"Carbon.DeploymentSynchronizer.SvnPassword\" and its cipher text");
            }
        });
    }
}
