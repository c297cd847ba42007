package io.github.wso2cluster.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documentation's pages as tests read them (the site-pages IT, SitePagesTest): every markdown page of
 * {@code src/site/markdown} and the README, their fenced blocks, and the complete POMs they show, each with
 * the result block that follows it. A page's promise is checkable only if a POM and its result stay together, so a
 * POM block without a {@code text} block after it is an error of the page.
 */
public final class SitePages {
    /** A fenced block at the start of a line: its info string (language) and its text. */
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)[ \\t]*\\n(.*?)\\n```[ \\t]*$");

    private SitePages() {
    }

    /** A fenced block of a page, with its 1-based line. */
    public record Block(String language, String text, int line) {
    }

    /**
     * A complete POM a page shows, and what the page says its build gives: lines the build log must hold
     * ({@code ...} stands for any text), paths under the project that must exist after it (lines starting with
     * {@code target/}), and whether the build fails (a line starting with {@code [ERROR]}).
     */
    public record PomExample(Path page, int line, String pom, List<String> result) {
        public boolean expectsFailure() {
            return result.stream().anyMatch(l -> l.startsWith("[ERROR]"));
        }

        /** A folder name for the build: page name and line. */
        public String id() {
            return page.getFileName().toString().replaceFirst("\\.md$", "") + "-" + line;
        }

        /** Whether the page shows this line of the build log (a warning the reader will see, say). */
        public boolean shows(String logLine) {
            return result.stream().filter(l -> !l.startsWith("target/")).anyMatch(l -> matches(l).matcher(logLine).find());
        }

        /** The page's promises the build did not keep, each saying what is missing. */
        public List<String> unmet(String log, Path projectDir) {
            List<String> unmet = new ArrayList<>();
            for (String expected : result) {
                if (expected.startsWith("target/")) {
                    // "target/a/b.txt" must exist; "target/a/b.txt: text" must also hold that text (... for any)
                    int colon = expected.indexOf(": ");
                    Path file = projectDir.resolve(colon < 0 ? expected : expected.substring(0, colon));
                    if (!Files.exists(file)) {
                        unmet.add("no file " + projectDir.relativize(file));
                    } else if (colon >= 0 && !matches(expected.substring(colon + 2)).matcher(read(file)).find()) {
                        unmet.add(projectDir.relativize(file) + " does not hold '" + expected.substring(colon + 2) + "'");
                    }
                } else if (!matches(expected).matcher(log).find()) {
                    unmet.add("no log line '" + expected + "'");
                }
            }
            return unmet;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private static Pattern matches(String expected) {
            StringBuilder regex = new StringBuilder("(?m)");
            String[] parts = expected.split("\\.\\.\\.", -1);
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            return Pattern.compile(regex.toString());
        }
    }

    /** Every page: {@code markdown/**.md} under the site folder, and the project's {@code README.md}. */
    public static List<Path> pages(Path siteDirectory) throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(siteDirectory.resolve("markdown"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Path readme = siteDirectory.toAbsolutePath().getParent().getParent().resolve("README.md");
        if (Files.isRegularFile(readme)) {
            pages.add(readme);
        }
        return pages;
    }

    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            blocks.add(new Block(m.group(1), m.group(2), line));
        }
        return blocks;
    }

    /** The text outside fenced blocks, blocks replaced by blank lines (so line numbers stay). */
    public static String prose(String text) {
        Matcher m = FENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("\n".repeat((int) m.group().chars().filter(c -> c == '\n').count())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The complete POMs of a page (xml blocks that are a whole {@code <project>}), each with its result block. */
    public static List<PomExample> examples(Path page) throws IOException {
        List<Block> blocks = blocks(Files.readString(page, StandardCharsets.UTF_8));
        List<PomExample> examples = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.language().equals("xml") || !block.text().stripLeading().startsWith("<project")) {
                continue;
            }
            Block result = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (result == null || !result.language().equals("text")) {
                throw new IllegalStateException(page + ":" + block.line() + ": a complete POM needs a ```text block"
                        + " after it with what its build gives (log lines, target/ files)");
            }
            List<String> lines = result.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            examples.add(new PomExample(page, block.line(), block.text() + "\n", lines));
        }
        return examples;
    }

    /**
     * The {@code <server>} elements of every settings.xml block the pages show (the builds' credentials), each id
     * once (pages that show one server twice must show it alike, else this fails naming it).
     */
    public static String servers(List<Path> pages) throws IOException {
        Map<String, String> servers = new LinkedHashMap<>();
        Pattern server = Pattern.compile("(?s)<server>.*?</server>");
        Pattern id = Pattern.compile("<id>(.*?)</id>");
        for (Path page : pages) {
            for (Block block : blocks(Files.readString(page, StandardCharsets.UTF_8))) {
                if (block.language().equals("xml") && block.text().stripLeading().startsWith("<settings>")) {
                    Matcher m = server.matcher(block.text());
                    while (m.find()) {
                        String element = m.group().replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+<", "><").strip();
                        Matcher name = id.matcher(element);
                        String key = name.find() ? name.group(1) : element;
                        String earlier = servers.putIfAbsent(key, element);
                        if (earlier != null && !earlier.equals(element)) {
                            throw new IllegalStateException(page + ":" + block.line() + ": settings.xml server '" + key
                                    + "' differs from the one an earlier page shows");
                        }
                    }
                }
            }
        }
        return String.join("\n", servers.values()) + "\n";
    }
}
