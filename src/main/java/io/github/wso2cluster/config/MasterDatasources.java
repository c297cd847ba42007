package io.github.wso2cluster.config;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.topology.Databases;
import io.github.wso2cluster.topology.SharedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * master-datasources.xml, the one place that knows where a datasource's values stand: its name, JNDI name and
 * RDBMS configuration. configure-cluster adds the cluster's shared datasources through it and verify-cluster
 * reads every datasource through it. The commented sample datasource is a comment, never an element, so it
 * is never read nor touched.
 */
public final class MasterDatasources {
    /** Each node's own database (its local registry); it stays as shipped. */
    public static final String CARBON_DB = DatabaseNames.CARBON_DB;

    private final XmlSource source;

    public MasterDatasources(XmlSource source) {
        this.source = source;
    }

    /**
     * One active datasource.
     *
     * @param password the password element (its text is a secret: never print it), or null
     */
    public record Datasource(XmlElement element, String name, String jndiName, String url, String username,
                             String driverClassName, XmlElement password) {
    }

    public List<Datasource> datasources() {
        List<Datasource> found = new ArrayList<>();
        for (XmlElement datasource : container().map(c -> c.children("datasource")).orElse(List.of())) {
            Optional<XmlElement> configuration = datasource.child("definition").flatMap(d -> d.child("configuration"));
            found.add(new Datasource(datasource, text(Optional.of(datasource), "name"),
                    text(datasource.child("jndiConfig"), "name"), text(configuration, "url"),
                    text(configuration, "username"), text(configuration, "driverClassName"),
                    configuration.flatMap(c -> c.child("password")).orElse(null)));
        }
        return found;
    }

    public Optional<Datasource> datasource(String name) {
        return datasources().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    /** The datasource whose JNDI name is {@code jndiName}. */
    public Optional<Datasource> byJndiName(String jndiName) {
        return datasources().stream().filter(d -> jndiName.equals(d.jndiName())).findFirst();
    }

    /** The clear-text password of a datasource ("" when it has none). A secret: never log it. */
    public String password(Datasource datasource) {
        return datasource.password() == null ? "" : source.textOf(datasource.password());
    }

    /** Whether the password is a secure-vault alias, which only a running Carbon can resolve. */
    public static boolean passwordInVault(Datasource datasource) {
        return datasource.password() != null && datasource.password().attributes().stream()
                .anyMatch(a -> a.name().endsWith(":secretAlias"));
    }

    private Optional<XmlElement> container() {
        return source.root().child("datasources");
    }

    private String text(Optional<XmlElement> parent, String child) {
        return parent.flatMap(p -> p.child(child)).map(source::textOf).orElse(null);
    }

    /**
     * Adds (or replaces in place) the shared datasources: {@code WSO2_REGISTRY_DB} and {@code WSO2_USER_DB}, after
     * {@code WSO2_CARBON_DB}, each the same on every node.
     */
    public void configure(XmlEditor editor, Databases databases) throws ConfigFileException {
        XmlElement container = container().orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <datasources> element under <" + source.root().name + ">; restore the stock file"));
        List<Datasource> existing = datasources();
        Optional<Datasource> carbon = existing.stream().filter(d -> CARBON_DB.equals(d.name())).findFirst();
        StringBuilder added = new StringBuilder();
        List<String> addedNames = new ArrayList<>();
        XmlElement anchor = carbon.map(Datasource::element).orElse(existing.isEmpty() ? null : existing.get(existing.size() - 1).element());
        add(editor, container, anchor, existing, Databases.REGISTRY_DATASOURCE, Databases.REGISTRY_JNDI,
                "The cluster's shared registry", databases.registry(), added, addedNames);
        add(editor, container, anchor, existing, Databases.USER_DATASOURCE, Databases.USER_JNDI,
                "The cluster's shared user store", databases.userStore(), added, addedNames);
        if (added.isEmpty()) {
            return;
        }
        String what = "datasources " + String.join(", ", addedNames);
        if (anchor != null) {
            editor.insertLineAfter(anchor.end(), "", added.toString(), what);
        } else {
            editor.appendChild(container, added.toString().stripLeading(), what);
        }
    }

    private void add(XmlEditor editor, XmlElement container, XmlElement anchor, List<Datasource> existing, String name,
                     String jndi, String description, SharedDatabase database, StringBuilder added,
                     List<String> addedNames) {
        if (database == null) {
            return;
        }
        Optional<Datasource> present = existing.stream().filter(d -> name.equals(d.name())).findFirst();
        XmlElement like = present.map(Datasource::element).orElse(anchor);
        XmlFragment fragment = like != null ? XmlFragment.like(editor, like, container)
                : new XmlFragment(source.lineSeparator(), editor.childIndent(container), editor.indentStep(container));
        fragment.open("datasource").leaf("name", name).leaf("description", description + " (wso2-cluster-maven-plugin)")
                .open("jndiConfig").leaf("name", jndi).close("jndiConfig")
                .open("definition", "type=\"RDBMS\"").open("configuration")
                .leaf("url", database.url()).leaf("username", database.user())
                .leaf("password", database.password().reveal()).leaf("driverClassName", database.driverClassName())
                .leaf("maxActive", "50").leaf("maxWait", "60000").leaf("testOnBorrow", "true")
                .leaf("validationQuery", database.validationQuery()).leaf("validationInterval", "30000")
                .close("configuration").close("definition").close("datasource");
        if (present.isPresent()) {
            editor.replace(present.get().element(), fragment.toString(), "datasource " + name + " (replaced)");
        } else {
            String indent = like != null ? source.indentOf(like.start()) : editor.childIndent(container);
            // Each new datasource after a blank line, as the stock file separates its datasources.
            added.append(added.isEmpty() ? "" : source.lineSeparator()).append(source.lineSeparator()).append(indent).append(fragment);
            addedNames.add(name);
        }
    }

    /** Where the cluster depends on a value: every datasource's definition (passwords are blanked by the scan). */
    public List<XmlElement> clusterValues() {
        return datasources().stream().map(Datasource::element).toList();
    }
}
