package io.github.wso2cluster.site;

import io.github.wso2cluster.testkit.SitePages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The link check of the site's sources, cheap enough for every {@code mvn install}: each link of a markdown page
 * (and of site.xml) must reach a page of {@code src/site/markdown}, a file of {@code src/site/resources}, a goal
 * page the plugin descriptor has ({@code <goal>-mojo.html}, its anchors the goal's parameters) or a report the POM
 * configures; a page anchor must be one of the target page's headings. The generated HTML is checked as well by
 * {@link SiteLinks} in the site-check profile; this one fails fast, naming the page and line.
 */
final class SourceLinks {
    /** The reports the POM's reporting section generates, and the site plugin's own two menus. */
    static final Set<String> REPORTS = Set.of("plugin-info.html", "summary.html", "dependency-info.html", "licenses.html",
            "scm.html", "issue-management.html", "team.html", "dependencies.html", "project-info.html",
            "project-reports.html");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_LINK = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private final Path site;
    private final Map<String, Set<String>> anchors = new HashMap<>();

    /** @param pluginXml the plugin descriptor (target/classes/META-INF/maven/plugin.xml) */
    SourceLinks(Path site, Path pluginXml) throws Exception {
        this.site = site;
        Path markdown = site.resolve("markdown");
        try (Stream<Path> files = Files.walk(markdown)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String html = markdown.relativize(page).toString().replace('\\', '/').replaceFirst("\\.md$", ".html");
                anchors.put(html, headingIds(Files.readString(page, StandardCharsets.UTF_8)));
            }
        }
        Path resources = site.resolve("resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> files = Files.walk(resources)) {
                files.filter(Files::isRegularFile).forEach(f -> anchors.put(resources.relativize(f).toString().replace('\\', '/'), Set.of()));
            }
        }
        REPORTS.forEach(r -> anchors.put(r, null));
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile())
                .getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Set<String> parameters = new HashSet<>();
            NodeList list = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < list.getLength(); j++) {
                Element parameter = (Element) list.item(j);
                if (!"false".equals(text(parameter, "editable"))) {
                    parameters.add(text(parameter, "name"));
                }
            }
            anchors.put(text(mojo, "goal") + "-mojo.html", parameters);
        }
    }

    /** The broken links of a markdown page of the site, as {@code file:line: link: why}. */
    List<String> checkPage(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String at = site.resolve("markdown").relativize(page).toString().replace('\\', '/');
        String folder = at.contains("/") ? at.substring(0, at.lastIndexOf('/') + 1) : "";
        List<String> broken = new ArrayList<>();
        for (String[] link : links(SitePages.prose(text))) {
            String problem = problem(folder, link[1]);
            if (problem != null) {
                broken.add(page + ":" + link[0] + ": " + link[1] + ": " + problem);
            }
        }
        return broken;
    }

    /** The broken links of a page that will be the project's README.md: relative to the project root. */
    static List<String> checkReadme(Path readme, Path projectRoot) throws IOException {
        List<String> broken = new ArrayList<>();
        for (String[] link : links(SitePages.prose(Files.readString(readme, StandardCharsets.UTF_8)))) {
            String target = link[1];
            if (target.contains("${")) {
                broken.add(readme + ":" + link[0] + ": " + target + ": an unresolved property");
            } else if (!isExternal(target) && !target.startsWith("#")) {
                String path = target.replaceFirst("#.*$", "");
                if (!Files.exists(projectRoot.resolve(path).normalize())) {
                    broken.add(readme + ":" + link[0] + ": " + target + ": no such file in the project");
                }
            }
        }
        return broken;
    }

    /** The broken menu items of site.xml. */
    List<String> checkSiteXml(Path siteXml) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher m = HTML_LINK.matcher(Files.readString(siteXml, StandardCharsets.UTF_8));
        while (m.find()) {
            String problem = problem("", m.group(1));
            if (problem != null) {
                broken.add(siteXml + ": " + m.group(1) + ": " + problem);
            }
        }
        return broken;
    }

    private String problem(String folder, String link) {
        if (link.contains("${")) {
            return "an unresolved property";
        }
        if (isExternal(link)) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        String target = path.isEmpty() ? folder : Path.of(folder.isEmpty() ? "." : folder).resolve(path).normalize()
                .toString().replace('\\', '/');
        if (path.isEmpty()) {
            return null; // an anchor on the page itself: SiteLinks checks it in the generated page
        }
        if (path.endsWith(".md")) {
            return "links a source page; link the page the site makes of it (" + path.replaceFirst("\\.md$", ".html") + ")";
        }
        if (!anchors.containsKey(target)) {
            return "no page or file " + target + " in the site";
        }
        Set<String> ids = anchors.get(target);
        if (anchor != null && ids != null && !ids.contains(anchor)) {
            return "no anchor '" + anchor + "' in " + target + (target.endsWith("-mojo.html") ? " (not a parameter of that goal)" : "");
        }
        return null;
    }

    private static boolean isExternal(String link) {
        String lower = link.toLowerCase();
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    /** Each link of the text with its line: markdown links and images, and HTML href/src attributes. */
    private static List<String[]> links(String prose) {
        List<String[]> links = new ArrayList<>();
        for (Pattern pattern : List.of(MD_LINK, HTML_LINK)) {
            Matcher m = pattern.matcher(prose);
            while (m.find()) {
                long line = 1 + prose.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                links.add(new String[] {String.valueOf(line), m.group(1)});
            }
        }
        return links;
    }

    /** The ids Doxia gives a page's headings: the text without markup, spaces as '_', other marks as .XX. */
    static Set<String> headingIds(String markdown) {
        Set<String> ids = new HashSet<>();
        Matcher m = HEADING.matcher(SitePages.prose(markdown));
        while (m.find()) {
            String text = m.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("**", "");
            StringBuilder id = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') {
                    id.append(c);
                } else if (c == ' ') {
                    id.append('_');
                } else {
                    id.append(String.format(".%02X", (int) c));
                }
            }
            ids.add(id.toString());
        }
        return ids;
    }

    private static String text(Element parent, String child) {
        NodeList list = parent.getElementsByTagName(child);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return list.item(i).getTextContent().trim();
            }
        }
        return null;
    }
}
