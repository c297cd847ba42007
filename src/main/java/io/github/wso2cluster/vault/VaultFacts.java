package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.config.XmlAttribute;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Located;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * What a finished node's files say about its secure vault, read as the server reads them: whether
 * secret-conf.properties enables it, the aliases the configuration refers to ({@code $secret{x}},
 * {@code svns:secretAlias}) and where, and the cipher texts there are ({@code [secrets]} or cipher-text.properties).
 * Values are never kept, only aliases, lines and whether an entry is still plain ({@code [text]}).
 */
public final class VaultFacts {
    private static final Pattern REFERENCE = Pattern.compile("\\$secret\\{([^}]*)}");

    private final Located enabled;
    private final Located identityLocation;
    private final List<Located> references = new ArrayList<>();
    private final Map<String, Located> cipherTexts = new LinkedHashMap<>();
    private final List<Located> plain = new ArrayList<>();
    private final String cipherFile;
    private Located secretsHeader;
    private Located afterSecrets;
    private boolean runtimeSecrets;

    private VaultFacts(Located enabled, Located identityLocation, String cipherFile) {
        this.enabled = enabled;
        this.identityLocation = identityLocation;
        this.cipherFile = cipherFile;
    }

    /**
     * @param secretConf the node's secret-conf.properties, or null
     * @param cipherText the node's cipher-text.properties (Carbon 4.x), or null
     * @param toml       the parsed deployment.toml (deployment.toml products), or null
     * @param xml        the parsed XML config files (Carbon 4.x)
     */
    public static VaultFacts read(ConfigPaths paths, byte[] secretConf, byte[] cipherText, TomlSource toml,
                                  Map<String, XmlSource> xml) {
        String confPath = SecretConf.path(paths);
        PropertiesEditor conf = new PropertiesEditor(secretConf == null ? "" : new String(secretConf, StandardCharsets.ISO_8859_1));
        VaultFacts facts = new VaultFacts(located(conf, SecretConf.ENABLED, confPath, secretConf),
                located(conf, SecretConf.KEYSTORE_LOCATION, confPath, secretConf),
                toml != null ? paths.deploymentToml() : SecretConf.cipherTextPath(paths));
        if (toml != null) {
            facts.readToml(toml);
        } else {
            xml.forEach((path, source) -> facts.readXml(path, source, source.root()));
            if (cipherText != null) {
                PropertiesEditor ciphers = new PropertiesEditor(new String(cipherText, StandardCharsets.ISO_8859_1));
                for (String alias : ciphers.keys()) {
                    Located at = new Located(alias, facts.cipherFile, ciphers.line(alias));
                    facts.cipherTexts.put(alias, at);
                    String value = ciphers.value(alias);
                    if (value != null && value.contains("[") && value.indexOf(']') > value.indexOf('[')) {
                        facts.plain.add(at);
                    }
                }
            }
        }
        return facts;
    }

    private static Located located(PropertiesEditor conf, String key, String path, byte[] present) {
        return present == null ? Located.absent(path) : new Located(conf.value(key), path, Math.max(1, conf.line(key)));
    }

    private void readToml(TomlSource toml) {
        for (String key : toml.parsed().dottedKeySet(false)) {
            Object value = toml.parsed().get(key);
            if (value instanceof String text && !key.startsWith(TomlSealer.TABLE + ".")) {
                Matcher reference = REFERENCE.matcher(text);
                while (reference.find()) {
                    references.add(new Located(reference.group(1), toml.fileName(), toml.lineOf(key)));
                }
            }
        }
        if (toml.parsed().get(TomlSealer.TABLE) instanceof TomlTable table) {
            for (String alias : table.keySet()) {
                Located at = new Located(alias, toml.fileName(), toml.lineOf(TomlSealer.TABLE + "." + alias));
                cipherTexts.put(alias, at);
                Object value = table.get(List.of(alias));
                if (value instanceof String text && text.trim().startsWith("[") && text.trim().endsWith("]")) {
                    plain.add(at);
                }
            }
            int header = TomlSealer.headerLine(toml);
            secretsHeader = new Located(TomlSealer.TABLE, toml.fileName(), header);
            TomlSealer.afterSecrets(toml.text()).ifPresent(line -> afterSecrets = new Located(null, toml.fileName(), line[0]));
        }
        runtimeSecrets = Boolean.TRUE.equals(toml.parsed().get("runtime_secrets.enable"));
    }

    private void readXml(String path, XmlSource source, XmlElement element) {
        for (XmlAttribute attribute : element.attributes()) {
            if (attribute.name().endsWith(":secretAlias")) {
                references.add(new Located(attribute.value(), path, source.lineOf(attribute.start())));
            }
        }
        for (XmlElement child : element.children()) {
            readXml(path, source, child);
        }
    }

    /** {@code secVault.enabled} (its value "true" when on), at its line of secret-conf.properties. */
    public Located enabled() {
        return enabled;
    }

    public boolean isEnabled() {
        return "true".equals(enabled.value() == null ? null : enabled.value().trim());
    }

    /** {@code keystore.identity.location} of secret-conf.properties. */
    public Located identityLocation() {
        return identityLocation;
    }

    /** Every alias the configuration refers to, where it does. */
    public List<Located> references() {
        return references;
    }

    /** The aliases that have a cipher text, at their lines. */
    public Map<String, Located> cipherTexts() {
        return cipherTexts;
    }

    /** Cipher-text entries still written {@code [plain text]}. */
    public List<Located> plainEntries() {
        return plain;
    }

    /** Where the cipher texts are: deployment.toml's [secrets], or cipher-text.properties. */
    public String cipherFile() {
        return cipherFile;
    }

    /** The {@code [secrets]} header, when deployment.toml has one. */
    public Optional<Located> secretsHeader() {
        return Optional.ofNullable(secretsHeader);
    }

    /** The first table header after {@code [secrets]}, when there is one (the cipher tool would destroy it). */
    public Optional<Located> afterSecrets() {
        return Optional.ofNullable(afterSecrets);
    }

    /** {@code [runtime_secrets] enable = true}: aliases may resolve later, at run time. */
    public boolean runtimeSecrets() {
        return runtimeSecrets;
    }

    /** Whether the node uses the vault at all: enabled, or referring to an alias, or holding cipher texts. */
    public boolean inUse() {
        return isEnabled() || !references.isEmpty() || !cipherTexts.isEmpty() && secretsHeader != null;
    }
}
