package io.github.wso2cluster.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.SitePages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documentation's sources: links that resolve, the README's shape, every parameter's @since. */
class SitePagesTest {
    private static final Path SITE = Path.of("src/site");
    private static final Path PLUGIN_XML = Path.of("target/classes/META-INF/maven/plugin.xml");

    @Test
    void everyLinkOfTheSourcePagesResolves() throws Exception {
        assertTrue(Files.isRegularFile(PLUGIN_XML), "no plugin descriptor at " + PLUGIN_XML + " (it is written at process-classes)");
        SourceLinks links = new SourceLinks(SITE, PLUGIN_XML);
        List<String> broken = new ArrayList<>(links.checkSiteXml(SITE.resolve("site.xml")));
        for (Path page : SitePages.pages(SITE)) {
            if (!page.getFileName().toString().equals("README.md")) {
                broken.addAll(links.checkPage(page));
            }
        }
        broken.addAll(SourceLinks.checkReadme(Path.of("README.md"), Path.of("")));
        assertEquals(List.of(), broken);
    }

    @Test
    void theSourceCheckFindsEveryKindOfBrokenLink(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site.resolve("markdown/examples"));
        Files.writeString(site.resolve("markdown/index.md"), "# Home\n\n## Two words\n");
        Files.writeString(site.resolve("markdown/examples/a.md"), String.join("\n",
                "# A", "", "[ok](../index.html#Two_words) [ok](../configure-cluster-mojo.html#nodes) [ok](https://example.com/x)",
                "[gone](../nope.html)", "[anchor](../index.html#Three)", "[param](../configure-cluster-mojo.html#noSuchParameter)",
                "[prop](${project.url})", "[source](../index.md)", "```xml", "[in a code block](ignored.html)", "```", ""));
        List<String> broken = new SourceLinks(site, PLUGIN_XML).checkPage(site.resolve("markdown/examples/a.md"));
        assertEquals(5, broken.size(), String.join("\n", broken));
        assertTrue(broken.get(0).contains(":4: ../nope.html: no page or file nope.html"), broken.get(0));
        assertTrue(broken.get(1).contains("no anchor 'Three' in index.html"), broken.get(1));
        assertTrue(broken.get(2).contains("not a parameter of that goal"), broken.get(2));
        assertTrue(broken.get(3).contains("an unresolved property"), broken.get(3));
        assertTrue(broken.get(4).contains("link the page the site makes of it (../index.html)"), broken.get(4));
    }

    @Test
    void theGeneratedSiteCheckFindsBrokenLinksAndAnchors(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("examples"));
        Files.writeString(site.resolve("index.html"), "<html><body><h2 id=\"Usage\">Usage</h2>"
                + "<a href=\"examples/a.html#Top\">ok</a><a href=\"#Usage\">ok</a><a href=\"https://maven.apache.org/\">ok</a>"
                + "<a href=\"${project.url}\">banner</a><a href=\"examples/b.html\">gone</a></body></html>");
        Files.writeString(site.resolve("examples/a.html"), "<html><body><a name=\"Top\"></a>"
                + "<img src=\"../images/none.svg\"/><a href=\"../index.html#Nowhere\">x</a><a href=\"/abs.html\">x</a></body></html>");
        List<String> broken = SiteLinks.check(site);
        assertEquals(List.of(
                "examples/a.html: ../images/none.svg: no such file images/none.svg",
                "examples/a.html: ../index.html#Nowhere: no anchor 'Nowhere' in index.html",
                "examples/a.html: /abs.html: not a relative link (it leaves the site wherever the site is published)",
                "index.html: ${project.url}: an unresolved property",
                "index.html: examples/b.html: no such file examples/b.html"), broken);
    }

    @Test
    void headingIdsAreDoxias() {
        // As Doxia wrote them into target/site/usage.html for these headings.
        assertEquals(java.util.Set.of("Your_first_build.3A_three_steps.2C_once", "Where_the_distribution_comes_from_.28exactly_one_source.29"),
                SourceLinks.headingIds("## Your first build: three steps, once\n\n## Where the distribution comes from (exactly one source)\n"));
    }

    @Test
    void theReadmeIsShortAndKeepsWhatTheReadmePomTestReads() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        long lines = readme.lines().count();
        assertTrue(lines <= 300, "README.md has " + lines + " lines; at most 300: the rest belongs in the site's pages");
        // The two commands, as .ci/run runs them.
        assertTrue(readme.contains("\nmvn -B install\n"), "the test command");
        assertTrue(readme.contains("\nmvn -B -q install -DskipTests -Dinvoker.skip=true && mvn -B -f src/example/pom.xml verify\n"),
                "the sample command");
        // What src/it/readme-pom reads out of README.md.
        assertTrue(Pattern.compile("(?s)## A complete POM\n.*?```xml\n<project>").matcher(readme).find(), "the complete POM block");
        assertTrue(Pattern.compile("(?m)^mvn install:install-file .*-DgroupId=org.wso2.appserver").matcher(readme).find());
    }

    @Test
    void everyParameterAndGoalSaysSince() throws Exception {
        String descriptor = Files.readString(PLUGIN_XML, StandardCharsets.UTF_8);
        List<String> without = new ArrayList<>();
        int count = 0;
        // The generated help goal is maven-plugin-plugin's, not this plugin's: its parameters have no @since.
        Matcher mojos = Pattern.compile("(?s)<mojo>\\s*<goal>(.*?)</goal>(.*?)</mojo>").matcher(descriptor);
        while (mojos.find()) {
            if (mojos.group(1).equals("help")) {
                continue;
            }
            Matcher parameters = Pattern.compile("(?s)<parameter>(.*?)</parameter>").matcher(mojos.group(2));
            while (parameters.find()) {
                String parameter = parameters.group(1);
                if (parameter.contains("<editable>true</editable>")) {
                    count++;
                    if (!parameter.contains("<since>1.0.0</since>")) {
                        without.add(mojos.group(1) + ":" + parameter.replaceFirst("(?s).*?<name>(.*?)</name>.*", "$1"));
                    }
                }
            }
        }
        assertTrue(count > 20, "only " + count + " parameters in " + PLUGIN_XML);
        assertEquals(List.of(), without, "parameters without @since 1.0.0");
        Matcher goals = Pattern.compile("(?s)<mojo>\\s*<goal>(.*?)</goal>(.*?)<parameters>").matcher(descriptor);
        while (goals.find()) {
            if (!goals.group(1).equals("help")) {
                assertTrue(goals.group(2).contains("<since>1.0.0</since>"), "goal " + goals.group(1) + " has no @since");
            }
        }
    }
}
