package io.github.wso2cluster.config;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.database.SharedDatabase;
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

    /** One datasource the cluster wants in the file: its names, what it is, and the database. */
    public record Wanted(String name, String jndiName, String description, SharedDatabase database) {
    }

    /**
     * Adds (or replaces in place) the shared datasources: {@code WSO2_REGISTRY_DB} and {@code WSO2_USER_DB}, and the
     * product databases master-datasources.xml holds ({@code WSO2_IDENTITY_DB}, {@code WSO2AM_DB}), after
     * {@code WSO2_CARBON_DB}, each the same on every node.
     */
    public void configure(XmlEditor editor, Databases databases) throws ConfigFileException {
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(new Wanted(Databases.REGISTRY_DATASOURCE, Databases.REGISTRY_JNDI, "The cluster's shared registry",
                databases.registry()));
        wanted.add(new Wanted(Databases.USER_DATASOURCE, Databases.USER_JNDI, "The cluster's shared user store",
                databases.userStore()));
        for (ProductDatabase product : List.of(ProductDatabase.IDENTITY, ProductDatabase.APIM)) {
            wanted.add(new Wanted(product.datasource(), product.jndiName(), "The cluster's shared " + product.element()
                    + " database", databases.product(product)));
        }
        configure(editor, wanted);
    }

    /**
     * Adds the wanted datasources after {@code WSO2_CARBON_DB} (else after the last one), or replaces one already in
     * the file in place, strictly: only its url, username, password, driverClassName and validationQuery change, its
     * pool settings and every other element stay as shipped. A wanted datasource without a database is skipped.
     */
    public void configure(XmlEditor editor, List<Wanted> wanted) throws ConfigFileException {
        XmlElement container = container().orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <datasources> element under <" + source.root().name + ">; restore the stock file"));
        List<Datasource> existing = datasources();
        Optional<Datasource> carbon = existing.stream().filter(d -> CARBON_DB.equals(d.name())).findFirst();
        StringBuilder added = new StringBuilder();
        List<String> addedNames = new ArrayList<>();
        XmlElement anchor = carbon.map(Datasource::element).orElse(existing.isEmpty() ? null : existing.get(existing.size() - 1).element());
        for (Wanted one : wanted) {
            if (one.database() == null) {
                continue;
            }
            Optional<Datasource> present = existing.stream().filter(d -> one.name().equals(d.name())).findFirst();
            if (present.isPresent()) {
                replaceStrictly(editor, present.get(), one.database());
            } else {
                add(editor, container, anchor, one, added, addedNames);
            }
        }
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

    private void add(XmlEditor editor, XmlElement container, XmlElement anchor, Wanted wanted, StringBuilder added,
                     List<String> addedNames) {
        SharedDatabase database = wanted.database();
        XmlFragment fragment = anchor != null ? XmlFragment.like(editor, anchor, container)
                : new XmlFragment(source.lineSeparator(), editor.childIndent(container), editor.indentStep(container));
        fragment.open("datasource").leaf("name", wanted.name()).leaf("description", wanted.description()
                        + " (wso2-cluster-maven-plugin)")
                .open("jndiConfig").leaf("name", wanted.jndiName()).close("jndiConfig")
                .open("definition", "type=\"RDBMS\"").open("configuration")
                .leaf("url", database.url()).leaf("username", database.user())
                .leaf("password", database.password().reveal()).leaf("driverClassName", database.driverClassName())
                .leaf("maxActive", "50").leaf("maxWait", "60000").leaf("testOnBorrow", "true")
                .leaf("validationQuery", database.validationQuery()).leaf("validationInterval", "30000")
                .close("configuration").close("definition").close("datasource");
        String indent = anchor != null ? source.indentOf(anchor.start()) : editor.childIndent(container);
        // Each new datasource after a blank line, as the stock file separates its datasources.
        added.append(added.isEmpty() ? "" : source.lineSeparator()).append(source.lineSeparator()).append(indent).append(fragment);
        addedNames.add(wanted.name());
    }

    /** The connection values of a datasource the file has; its pool settings and other elements stay. */
    private void replaceStrictly(XmlEditor editor, Datasource present, SharedDatabase database) throws ConfigFileException {
        XmlElement configuration = present.element().child("definition").flatMap(d -> d.child("configuration"))
                .orElseThrow(() -> new ConfigFileException(source.fileName() + ": line " + source.lineOf(present.element()
                        .start()) + ": datasource " + present.name() + " has no <definition><configuration>; restore the"
                        + " stock datasource"));
        String[][] values = {{"url", database.url()}, {"username", database.user()},
                {"password", database.password().reveal()}, {"driverClassName", database.driverClassName()},
                {"validationQuery", database.validationQuery()}};
        for (String[] value : values) {
            Optional<XmlElement> child = configuration.child(value[0]);
            boolean secret = value[0].equals("password");
            if (child.isPresent()) {
                editor.setText(child.get(), value[1], secret);
            } else {
                editor.appendChild(configuration, "<" + value[0] + ">" + XmlEscapes.text(value[1]) + "</" + value[0] + ">",
                        "datasource " + present.name() + " " + value[0]);
            }
        }
    }

    /** Where the cluster depends on a value: every datasource's definition (passwords are blanked by the scan). */
    public List<XmlElement> clusterValues() {
        return datasources().stream().map(Datasource::element).toList();
    }
}
