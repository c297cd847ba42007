package io.github.wso2cluster.topology.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JDBC URL must never show (a password, in {@code user:password@}, Oracle's {@code user/password@} or a
 * {@code password=} parameter), and which of its parameters let the database server act on the client that
 * connects: read its files ({@code LOAD DATA LOCAL INFILE}), deserialize objects, or have the driver load and run
 * a class by name. The URL comes from the POM or, with {@code archives}, from a node zip of unknown origin.
 */
public final class JdbcUrlSafety {
    private static final String MASK = "******";
    /** A JDBC URL inside a longer text (a finding, a log line): up to a blank, a quote or an XML bracket. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("jdbc:[^\\s'\"<>]+");
    /** {@code jdbc:postgresql://user:password@host/db}: the user info before the first '/'. */
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[A-Za-z0-9:]*//[^/@?:]*:)([^/@?]*)@");
    /** {@code jdbc:oracle:thin:scott/tiger@host:1521:ORCL}. */
    private static final Pattern ORACLE_LOGIN = Pattern.compile("^(jdbc:oracle:[A-Za-z0-9]+:[^/@:]+/)([^@]*)@");
    /** {@code password=}, {@code sslpassword=}, {@code trustStorePassword=}, {@code pwd=} in any parameter syntax. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;:(,][A-Za-z0-9._-]*(?:password|pwd)\\s*=)[^&;)\\s]*");

    /**
     * Parameters by name (lower case) that make the driver act for the server: MySQL Connector/J, MariaDB
     * Connector/J, PostgreSQL's pgjdbc, Microsoft's SQL Server driver and H2, from their documentation.
     */
    private static final Set<String> CLIENT_SIDE = Set.of(
            // MySQL Connector/J: local files for LOAD DATA, Java deserialization, classes loaded by name, files read
            "allowloadlocalinfile", "allowloadlocalinfileinpath", "allowurlinlocalinfile", "autodeserialize",
            "queryinterceptors", "statementinterceptors", "exceptioninterceptors", "connectionlifecycleinterceptors",
            "authenticationplugins", "defaultauthenticationplugin", "propertiestransform", "socketfactory",
            "clientinfoprovider", "loadbalancestrategy", "loadbalanceexceptionchecker", "serverconfigcachefactory",
            "profilereventhandler", "logger", "ociconfigfile", "authenticationopenidconnectidtokenfile",
            "authenticationwebauthncallbackhandler", "authenticationfidocallbackhandler",
            "trustcertificatekeystoreurl", "clientcertificatekeystoreurl",
            // MariaDB Connector/J (allowLocalInfile is on by default there)
            "allowlocalinfile", "credentialtype", "tlssockettype",
            // PostgreSQL pgjdbc (CVE-2022-21724: plugin classes instantiated by name; loggerFile writes a file)
            "socketfactoryarg", "sslfactory", "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback",
            "authenticationpluginclassname", "loggerfile",
            // Microsoft SQL Server
            "socketfactoryclass", "socketfactoryconstructorarg", "trustmanagerclass", "trustmanagerconstructorarg",
            "accesstokencallbackclass",
            // H2: INIT runs SQL (CREATE ALIAS runs Java) when the connection opens
            "init");
    /** Name endings that mean "a class, a factory or a file": a driver's newer property of the same kind. */
    private static final List<String> CLIENT_SIDE_ENDINGS = List.of("class", "classname", "factory", "interceptors",
            "callback", "callbackhandler", "plugins", "transform", "infile", "localinfileinpath");

    private JdbcUrlSafety() {
    }

    /** {@code url} with every password masked; anything but a JDBC URL is returned as it is. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String out = USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
        out = ORACLE_LOGIN.matcher(out).replaceFirst("$1" + MASK + "@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1" + MASK);
    }

    /** {@code text} with the password of every JDBC URL in it masked (findings, log lines, change descriptions). */
    public static String maskedText(String text) {
        if (text == null || !text.contains("jdbc:")) {
            return text;
        }
        Matcher matcher = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked(matcher.group())));
        }
        return matcher.appendTail(out).toString();
    }

    /** Whether a parameter of this name lets the server act on the client (any driver, any case). */
    public static boolean clientSide(String parameter) {
        String name = decode(parameter).trim().toLowerCase(Locale.ROOT);
        return CLIENT_SIDE.contains(name) || CLIENT_SIDE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /**
     * The URL's parameters that let the server act on the client, by name as written: those of its parameter list
     * ({@code ?a=b&c=d}, or {@code ;a=b;c=d} for SQL Server and H2), and any known name written elsewhere in the URL
     * (MySQL's host part {@code (host=h,allowLoadLocalInfile=true)}, DB2's {@code :a=b;}).
     */
    public static List<String> clientSideParameters(String url) {
        Set<String> found = new LinkedHashSet<>();
        for (String parameter : parameters(url)) {
            String name = nameOf(parameter);
            if (clientSide(name)) {
                found.add(name);
            }
        }
        found.addAll(namedOutsideParameters(url));
        return new ArrayList<>(found);
    }

    /** configure-cluster's warning about the URL of {@code element}, when it has client-side parameters. */
    public static java.util.Optional<String> warning(String element, String url) {
        List<String> clientSide = url == null ? List.of() : clientSideParameters(url);
        return clientSide.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(element + " sets "
                + String.join(", ", clientSide) + ", which lets the database server act on every node that connects (read"
                + " its files, or load classes by name); remove it unless the nodes need it (verify-cluster's live check"
                + " switches it off).");
    }

    /** Known client-side names that stand outside the parameter list (where they cannot be removed one by one). */
    public static List<String> namedOutsideParameters(String url) {
        String rest = decode(url.substring(0, parameterStart(url) < 0 ? url.length() : parameterStart(url)))
                .toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String name : CLIENT_SIDE) {
            if (name.length() > 4 && Pattern.compile("[^a-z0-9]" + name + "\\s*=").matcher(rest).find()) {
                found.add(name);
            }
        }
        return found.stream().sorted().toList();
    }

    /** Where the parameter list starts (the index of its first separator), or -1. */
    static int parameterStart(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlserver:") || lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:jtds:")) {
            return url.indexOf(';');
        }
        return url.indexOf('?');
    }

    /** The raw parameters ({@code name=value}) of the URL's parameter list. */
    static List<String> parameters(String url) {
        int start = parameterStart(url);
        if (start < 0) {
            return List.of();
        }
        String separator = url.charAt(start) == ';' ? ";" : "&";
        List<String> parameters = new ArrayList<>();
        for (String parameter : url.substring(start + 1).split(separator)) {
            if (!parameter.isBlank()) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    static String nameOf(String parameter) {
        int equals = parameter.indexOf('=');
        return (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
    }

    /** Connector/J and pgjdbc URL-decode names and values: {@code allowLoadLocal%49nfile} is the same name. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
