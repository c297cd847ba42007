package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.config.CarbonServer;
import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.config.MasterDatasources;
import io.github.wso2cluster.config.RegistryConfig;
import io.github.wso2cluster.config.UserManagement;
import io.github.wso2cluster.config.XmlComment;
import io.github.wso2cluster.config.XmlElement;
import io.github.wso2cluster.config.XmlSource;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.settings.NodeSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the build placeholders a config file still holds, and whether the cluster depends on each. */
public final class PlaceholderScan {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]+}|@[A-Za-z][A-Za-z0-9._-]*@");

    private PlaceholderScan() {
    }

    /**
     * A build placeholder left in a config file.
     *
     * @param clusterValue whether it stands where the cluster depends on the value (what configure-cluster sets
     *                     or verify-cluster reads); elsewhere Carbon runs with it as shipped
     */
    public record Placeholder(Located where, boolean clusterValue) {
    }

    /** Every build placeholder of a node's config files, and whether the cluster depends on its value. */
    public static List<Placeholder> of(NodeFacts node) {
        if (node.isToml()) {
            return ofToml(node.settings());
        }
        List<Placeholder> found = new ArrayList<>();
        for (String path : NodeFiles.configFiles(node.paths())) {
            node.file(path).ifPresent(source -> {
                List<XmlElement> values = new ArrayList<>();
                List<XmlElement> secrets = new ArrayList<>();
                if (path.equals(node.paths().axis2())) {
                    new Axis2Clustering(source).clustering().ifPresent(values::add);
                } else if (path.equals(node.paths().carbon())) {
                    values.addAll(new CarbonServer(source).clusterValues());
                    secrets.addAll(new CarbonServer(source).secrets());
                } else if (path.equals(node.paths().catalina())) {
                    values.addAll(new CatalinaServer(source).clusterValues());
                } else {
                    values.addAll(path.equals(node.paths().datasources()) ? new MasterDatasources(source).clusterValues()
                            : path.equals(node.paths().registry()) ? new RegistryConfig(source).clusterValues()
                            : new UserManagement(source).clusterValues());
                    secrets.addAll(passwords(source.root()));
                }
                found.addAll(scan(source, values, secrets));
            });
        }
        return found;
    }

    /**
     * A deployment.toml product: the values the cluster depends on, as its templates read them (passwords are never
     * scanned). WSO2's own {@code $ref{}}, {@code $env{}} and {@code $secret{}} are the server's to resolve.
     */
    private static List<Placeholder> ofToml(NodeSettings settings) {
        // mgt_console_hostname falls back to hostname: one value read twice is one placeholder.
        java.util.Set<Located> values = new java.util.LinkedHashSet<>();
        for (Setting setting : List.of(Setting.MEMBERSHIP_SCHEME, Setting.DOMAIN, Setting.LOCAL_MEMBER_HOST,
                Setting.LOCAL_MEMBER_PORT)) {
            values.add(settings.clustering(setting));
        }
        values.addAll(settings.memberEntries());
        for (Setting setting : List.of(Setting.HOST_NAME, Setting.MGT_HOST_NAME, Setting.PORT_OFFSET)) {
            values.add(settings.server(setting));
        }
        values.add(settings.proxyPort(false));
        values.add(settings.proxyPort(true));
        for (Datasource datasource : settings.datasources()) {
            values.add(new Located(datasource.url(), datasource.where().file(), datasource.where().line()));
            values.add(new Located(datasource.user(), datasource.where().file(), datasource.where().line()));
        }
        List<Placeholder> found = new ArrayList<>();
        for (Located value : values) {
            if (value.present()) {
                Matcher matcher = PLACEHOLDER.matcher(value.value());
                while (matcher.find()) {
                    found.add(new Placeholder(new Located(matcher.group(), value.file(), value.line()), true));
                }
            }
        }
        return found;
    }

    /**
     * Every element that holds a password: datasource {@code <password>}s, user-mgt.xml's admin {@code <Password>}
     * and {@code <Property name="ConnectionPassword">}.
     */
    private static List<XmlElement> passwords(XmlElement element) {
        List<XmlElement> found = new ArrayList<>();
        String name = String.valueOf(element.attributeValue("name"));
        if (element.localName().toLowerCase(java.util.Locale.ROOT).contains("password")
                || name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            found.add(element);
            return found;
        }
        element.children().forEach(child -> found.addAll(passwords(child)));
        return found;
    }

    /**
     * Every {@code ${...}} and {@code @...@} outside comments and secrets, with its line.
     *
     * @param clusterValues the elements whose values the cluster depends on
     * @param secrets       elements never scanned (a password that looks like a placeholder must reach no report)
     */
    static List<Placeholder> scan(XmlSource source, List<XmlElement> clusterValues, List<XmlElement> secrets) {
        StringBuilder text = new StringBuilder(source.text());
        blankComments(source.root(), text);
        secrets.forEach(secret -> blank(text, secret.start(), secret.end()));
        List<Placeholder> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            int at = matcher.start();
            boolean inCluster = clusterValues.stream().anyMatch(e -> e.start() <= at && at < e.end());
            found.add(new Placeholder(new Located(matcher.group(), source.fileName(), source.lineOf(at)), inCluster));
        }
        return found;
    }

    private static void blankComments(XmlElement element, StringBuilder text) {
        for (XmlComment comment : element.comments()) {
            blank(text, comment.start(), comment.end());
        }
        for (XmlElement child : element.children()) {
            blankComments(child, text);
        }
    }

    /** Blanks a range, keeping line breaks, so offsets and lines stay true. */
    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
