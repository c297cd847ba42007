package io.github.wso2cluster.site;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
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

/**
 * The link check of the generated site: every {@code href} and {@code src} of every page under {@code target/site}
 * must reach a file of the site, and its {@code #anchor} an {@code id} or {@code name} of that file; a link that
 * still holds a {@code ${...}} (an unresolved {@code ${project.url}}, say) is broken wherever it points. Links
 * out of the site (http, https, mailto) are not fetched: the build runs offline. Run by the site-check profile
 * ({@code mvn -Psite-check verify}) over the site it generated; {@code main} exits 1 naming every broken link.
 */
public final class SiteLinks {
    private static final Pattern LINK = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ANCHOR = Pattern.compile("\\b(?:id|name)\\s*=\\s*\"([^\"]*)\"");

    private SiteLinks() {
    }

    public static void main(String[] args) throws IOException {
        Path site = Path.of(args.length > 0 ? args[0] : "target/site");
        List<String> broken = check(site);
        long pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(SiteLinks::isPage).count();
        }
        if (pages == 0) {
            System.err.println("site-check: no HTML page under " + site + "; generate the site first");
            System.exit(1);
        }
        if (!broken.isEmpty()) {
            System.err.println("site-check: " + broken.size() + " broken links in " + site + ":");
            broken.forEach(b -> System.err.println("  " + b));
            System.exit(1);
        }
        System.out.println("site-check: " + pages + " pages under " + site + ", every link and anchor resolves");
    }

    /** Every broken link of the site's pages, as {@code page: link: why}. */
    public static List<String> check(Path site) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(SiteLinks::isPage).sorted().toList();
        }
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(html);
            while (m.find()) {
                String problem = problem(site, page, m.group(1).replace("&amp;", "&"), anchors);
                if (problem != null) {
                    broken.add(site.relativize(page) + ": " + m.group(1) + ": " + problem);
                }
            }
        }
        return broken;
    }

    private static String problem(Path site, Path page, String link, Map<Path, Set<String>> anchors) throws IOException {
        if (link.contains("${") || link.contains("@project.")) {
            return "an unresolved property";
        }
        if (link.isEmpty()) {
            return "an empty link";
        }
        String lower = link.toLowerCase();
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                || lower.startsWith("data:") || lower.startsWith("javascript:")) {
            return null;
        }
        if (link.startsWith("//") || link.startsWith("/") || URI.create(link.replace(" ", "%20")).getScheme() != null) {
            return "not a relative link (it leaves the site wherever the site is published)";
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        Path target = path.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(site.normalize())) {
            return "points out of the site";
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return "no such file " + site.relativize(target);
        }
        if (hash >= 0 && isPage(target)) {
            String anchor = link.substring(hash + 1);
            if (!anchor.isEmpty() && !anchors.computeIfAbsent(target, SiteLinks::anchors).contains(anchor)) {
                return "no anchor '" + anchor + "' in " + site.relativize(target);
            }
        }
        return null;
    }

    private static Set<String> anchors(Path page) {
        Set<String> ids = new HashSet<>();
        try {
            Matcher m = ANCHOR.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group(1));
            }
        } catch (IOException e) {
            // An unreadable page has no anchors: every link into it is then reported.
        }
        return ids;
    }

    private static boolean isPage(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".html");
    }
}
