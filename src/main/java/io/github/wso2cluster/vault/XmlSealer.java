package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.MasterDatasources;
import io.github.wso2cluster.config.XPathEdits;
import io.github.wso2cluster.config.XmlEditor;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Carbon 4.x file's passwords behind its secure vault, as WSO2's cipher tool puts them there ({@code -Dconfigure}):
 * the element's text becomes {@code password}, it gets {@code svns:secretAlias="<alias>"}, and the root element
 * declares the {@code svns} namespace. Only the alias goes into the file; its cipher text goes into
 * cipher-text.properties. Edits are surgical (the tool itself rewrites the whole file with a DOM transformer).
 */
final class XmlSealer {
    static final String NAMESPACE = "http://org.wso2.securevault/configuration";
    static final String ALIAS_ATTRIBUTE = "svns:secretAlias";
    /** The text the cipher tool leaves in a protected element. */
    static final String PLACEHOLDER = "password";
    /** carbon.xml's reader resolves {@code "Carbon." + the element path} (ServerConfiguration.isProtectedToken). */
    static final String SVN_PASSWORD_ALIAS = "Carbon.DeploymentSynchronizer.SvnPassword";

    private final XmlSource source;
    private final XmlEditor editor;
    private boolean protectedAny;

    XmlSealer(XmlSource source) {
        this.source = source;
        this.editor = new XmlEditor(source);
    }

    /** The alias WSO2's own cipher-tool.properties gives a datasource's password. */
    static String datasourceAlias(String name) {
        return "Datasources." + name + ".Configuration.Password";
    }

    /**
     * master-datasources.xml: every datasource whose password is one of {@code supplied} (a password the POM or
     * settings.xml gave); any alias works there, the datasource reader resolves each {@code svns:secretAlias}.
     *
     * @param secrets alias to clear text, for cipher-text.properties (filled here)
     */
    void datasources(Set<String> supplied, Map<String, String> secrets) throws ConfigFileException {
        MasterDatasources view = new MasterDatasources(source);
        for (MasterDatasources.Datasource datasource : view.datasources()) {
            String password = view.password(datasource);
            if (datasource.password() != null && !password.isEmpty() && supplied.contains(password)
                    && !MasterDatasources.passwordInVault(datasource)) {
                protect(datasource.password(), datasourceAlias(datasource.name()), password, secrets);
            }
        }
    }

    /** carbon.xml: the active DeploymentSynchronizer's SvnPassword, when it is the cluster's. */
    void svnPassword(String svnPassword, Map<String, String> secrets) throws ConfigFileException {
        if (svnPassword == null || svnPassword.isEmpty()) {
            return;
        }
        var element = new CarbonServer(source).synchronizer("SvnPassword");
        if (element.isPresent() && svnPassword.equals(source.textOf(element.get()))) {
            protect(element.get(), SVN_PASSWORD_ALIAS, svnPassword, secrets);
        }
    }

    /** A {@code <secret>}'s element(s); the XPath must select at least one leaf element. */
    void secret(String where, String xpath, String alias, String value, Map<String, String> secrets)
            throws ConfigFileException {
        List<XmlElement> elements = XPathEdits.elements(source, xpath);
        if (elements.isEmpty()) {
            throw new ConfigFileException(where + ": xpath '" + xpath + "' matches nothing in " + source.fileName()
                    + "; check the element names against the file");
        }
        for (XmlElement element : elements) {
            protect(element, alias, value, secrets);
        }
    }

    private void protect(XmlElement element, String alias, String value, Map<String, String> secrets)
            throws ConfigFileException {
        editor.setText(element, PLACEHOLDER);
        editor.setAttribute(element, ALIAS_ATTRIBUTE, alias);
        secrets.put(alias, value);
        protectedAny = true;
    }

    /** The carbon.xml element path of an element ({@code DeploymentSynchronizer.SvnPassword}), for its fixed alias. */
    static String carbonPath(XmlElement element) {
        List<String> names = new ArrayList<>();
        for (XmlElement e = element; e.parent() != null; e = e.parent()) {
            names.add(0, e.localName());
        }
        return "Carbon." + String.join(".", names);
    }

    /** The edited text, with the namespace declared on the root; null when nothing was protected. */
    String result() {
        if (!protectedAny) {
            return null;
        }
        XmlElement root = source.root();
        if (root.attribute("xmlns:svns").isEmpty()) {
            editor.setAttribute(root, "xmlns:svns", NAMESPACE);
        }
        return editor.result();
    }
}
