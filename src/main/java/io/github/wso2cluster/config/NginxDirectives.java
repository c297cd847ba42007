package io.github.wso2cluster.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * nginx's configuration syntax, read into directives with their lines: enough to check the generated file
 * (and a hand-edited copy of it) without nginx. Words, quoted strings, {@code ;}, blocks and {@code #}
 * comments; no include resolution.
 */
public final class NginxDirectives {

    /** One directive: its name, its arguments, its line, and its block's directives (null when it has no block). */
    public record Directive(String name, List<String> args, int line, List<Directive> block) {
        public String arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }

        public List<Directive> all(String directive) {
            return block == null ? List.of() : block.stream().filter(d -> d.name().equals(directive)).toList();
        }

        public Optional<Directive> first(String directive) {
            return all(directive).stream().findFirst();
        }
    }

    private final String text;
    private int at;
    private int line = 1;

    private NginxDirectives(String text) {
        this.text = text;
    }

    /** The top-level directives of {@code text}. */
    public static List<Directive> parse(String file, String text) throws ConfigFileException {
        NginxDirectives parser = new NginxDirectives(text);
        List<Directive> top = parser.block(file, false);
        return top;
    }

    private List<Directive> block(String file, boolean nested) throws ConfigFileException {
        List<Directive> directives = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int start = 0;
        while (true) {
            String token = next(file);
            if (token == null) {
                if (nested || !words.isEmpty()) {
                    throw new ConfigFileException(file + ":" + line + ": unexpected end of file (a missing '}' or ';')");
                }
                return directives;
            }
            switch (token) {
                case ";" -> {
                    if (words.isEmpty()) {
                        throw new ConfigFileException(file + ":" + line + ": unexpected ';'");
                    }
                    directives.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), start, null));
                    words.clear();
                }
                case "{" -> {
                    if (words.isEmpty()) {
                        throw new ConfigFileException(file + ":" + line + ": unexpected '{'");
                    }
                    List<String> head = List.copyOf(words);
                    int headLine = start;
                    words.clear();
                    directives.add(new Directive(head.get(0), List.copyOf(head.subList(1, head.size())), headLine,
                            block(file, true)));
                }
                case "}" -> {
                    if (!nested || !words.isEmpty()) {
                        throw new ConfigFileException(file + ":" + line + ": unexpected '}'");
                    }
                    return directives;
                }
                default -> {
                    if (words.isEmpty()) {
                        start = line;
                    }
                    words.add(token);
                }
            }
        }
    }

    /** The next token, or null at the end; quotes are removed from quoted strings. */
    private String next(String file) throws ConfigFileException {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
                at++;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else {
                break;
            }
        }
        if (at >= text.length()) {
            return null;
        }
        char c = text.charAt(at);
        if (c == ';' || c == '{' || c == '}') {
            at++;
            return String.valueOf(c);
        }
        StringBuilder word = new StringBuilder();
        if (c == '"' || c == '\'') {
            int open = line;
            at++;
            while (at < text.length() && text.charAt(at) != c) {
                char d = text.charAt(at++);
                if (d == '\\' && at < text.length()) {
                    d = text.charAt(at++);
                }
                if (d == '\n') {
                    line++;
                }
                word.append(d);
            }
            if (at >= text.length()) {
                throw new ConfigFileException(file + ":" + open + ": unterminated quoted string");
            }
            at++;
            return word.toString();
        }
        while (at < text.length()) {
            char d = text.charAt(at);
            if (Character.isWhitespace(d) || d == ';' || d == '{' || d == '}') {
                break;
            }
            if (d == '\\' && at + 1 < text.length()) {
                word.append(d).append(text.charAt(at + 1));
                at += 2;
                continue;
            }
            word.append(d);
            at++;
        }
        return word.toString();
    }
}
