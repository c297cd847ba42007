package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.TomlEditInput;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The cluster-wide settings of the POM, each checked and turned into its value; problems go to the list. */
public final class Settings {
    private static final Pattern XML_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*");

    private Settings() {
    }

    static List<MemberAddress> members(List<String> members, Problems problems) {
        if (members == null) {
            return null;
        }
        List<MemberAddress> parsed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            MemberAddress.Parsed result = MemberAddress.parse(members.get(i));
            if (result.ok()) {
                parsed.add(result.address());
            } else {
                problems.add("wellKnownMembers[" + i + "]: " + result.problem());
            }
        }
        return parsed;
    }

    static ProxyPorts proxyPorts(ProxyPortsInput in, Problems problems) {
        if (in == null) {
            return null;
        }
        Integer http = optionalPort("proxyPorts/http", in.getHttp(), problems);
        Integer https = optionalPort("proxyPorts/https", in.getHttps(), problems);
        return http == null && https == null ? null : new ProxyPorts(http, https);
    }

    static Integer optionalPort(String where, String text, Problems problems) {
        if (trimToNull(text) == null) {
            return null;
        }
        Optional<Integer> port = Ports.parse(text);
        if (port.isEmpty()) {
            problems.add(where + ": " + text.trim() + " is not a port (1-65535)");
            return null;
        }
        return port.get();
    }

    static DeploymentSynchronizer deploymentSynchronizer(DeploymentSynchronizerInput in, CredentialSource credentials,
                                                         Problems problems) {
        if (in == null) {
            return null;
        }
        String url = trimToNull(in.getSvnUrl());
        if (url == null) {
            problems.add("deploymentSynchronizer/svnUrl: is required when deploymentSynchronizer is configured");
        }
        boolean append = trimToNull(in.getAppendTenantId()) == null
                || parseBoolean(in.getAppendTenantId(), "deploymentSynchronizer/appendTenantId", problems);
        Credentials login = credentials("deploymentSynchronizer", in.getServerId(), in.getSvnUser(), in.getSvnPassword(),
                "svnUser", "svnPassword", credentials, problems);
        String user = login == null ? null : login.user();
        Secret password = login == null ? null : login.password();
        return new DeploymentSynchronizer(url, user, password, append);
    }

    /**
     * The user and password of {@code where}: from the settings.xml server {@code serverId}, or as given in the
     * POM. Problems (both given, unknown server, undecryptable password) go to the list and give null.
     */
    public static Credentials credentials(String where, String serverIdText, String userText, String passwordText,
                                   String userElement, String passwordElement, CredentialSource source, Problems problems) {
        String serverId = trimToNull(serverIdText);
        String user = trimToNull(userText);
        Secret password = Secret.of(passwordText == null || passwordText.isEmpty() ? null : passwordText);
        if (serverId == null) {
            return new Credentials(user, password);
        }
        if (user != null || password != null) {
            problems.add(where + ": set serverId or " + userElement + "/" + passwordElement + ", not both");
        }
        try {
            Optional<Credentials> found = source.lookup(serverId);
            if (found.isEmpty()) {
                problems.add(where + "/serverId: no <server> with id '" + serverId
                        + "' in settings.xml; add one with <username> and <password>");
                return null;
            }
            return found.get();
        } catch (CredentialSource.Unavailable e) {
            // Listed with the other problems, not an abort: the user sees everything to fix at once.
            problems.add(where + "/serverId: " + e.getMessage());
            return null;
        }
    }

    static String confDirectory(String value, Problems problems) {
        if (trimToNull(value) == null) {
            return null;
        }
        // A folder relative to the top folder, in normal form (wso2/business-process/conf), never outside it.
        String folder = value.trim().replace('\\', '/').replaceAll("/+$", "").replaceAll("^(\\./)+", "");
        boolean plain = !folder.isEmpty() && !folder.startsWith("/") && !folder.matches("[A-Za-z]:.*")
                && Arrays.stream(folder.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (!plain) {
            problems.add("confDirectory: '" + value.trim() + "' is not a folder inside the distribution's top folder;"
                    + " give it relative to the top folder, without '..', e.g. wso2/business-process/conf");
            return null;
        }
        return folder;
    }

    static List<String> hostsEntries(List<String> entries, Problems problems) {
        List<String> clean = new ArrayList<>();
        if (entries == null) {
            return clean;
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).trim();
            if (entry.contains("\n") || entry.contains("\r") || entry.split("\\s+").length < 2) {
                problems.add("hostsEntries[" + i + "]: '" + entry + "' is not one hosts line 'address name [name...]'");
            } else {
                clean.add(entry.replaceAll("\\s+", " "));
            }
        }
        return clean;
    }

    static List<XmlEdit> xmlEdits(String where, List<XmlEditInput> inputs, Problems problems) {
        List<XmlEdit> edits = new ArrayList<>();
        if (inputs == null) {
            return edits;
        }
        for (int i = 0; i < inputs.size(); i++) {
            XmlEditInput in = inputs.get(i);
            String at = where + "[" + i + "]";
            String file = trimToNull(in.getFile());
            String xpath = trimToNull(in.getXpath());
            if (file == null) {
                problems.add(at + ": file is required (relative to the distribution's top folder,"
                        + " e.g. repository/conf/carbon.xml)");
            } else if (file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")) {
                problems.add(at + ": file '" + file + "' must be a relative path inside the distribution");
            }
            if (xpath == null) {
                problems.add(at + ": xpath is required");
            }
            String attribute = trimToNull(in.getAttribute());
            if (attribute != null && (!XML_NAME.matcher(attribute).matches() || attribute.equals("xmlns")
                    || attribute.startsWith("xmlns:"))) {
                problems.add(at + ": attribute '" + attribute + "' is not an attribute name (letters, digits, '.', '-',"
                        + " '_', one optional 'prefix:'; not xmlns)");
            }
            if (in.getValue() == null) {
                problems.add(at + ": value is required");
            }
            if (file != null && xpath != null && in.getValue() != null) {
                edits.add(new XmlEdit(file, xpath, trimToNull(in.getAttribute()), in.getValue()));
            }
        }
        return edits;
    }

    private static final Pattern TOML_KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    static List<TomlEdit> tomlEdits(String where, List<TomlEditInput> inputs, Problems problems) {
        List<TomlEdit> edits = new ArrayList<>();
        if (inputs == null) {
            return edits;
        }
        for (int i = 0; i < inputs.size(); i++) {
            TomlEditInput in = inputs.get(i);
            String at = where + "[" + i + "]";
            String key = trimToNull(in.getKey());
            String value = trimToNull(in.getValue());
            if (key == null) {
                problems.add(at + ": key is required, a dotted deployment.toml key such as transport.https.properties.maxThreads");
            } else if (!TOML_KEY.matcher(key).matches()) {
                problems.add(at + ": key '" + key + "' is not a dotted key of bare names (letters, digits, '_', '-')");
            }
            if (value == null) {
                problems.add(at + ": value is required, written as TOML: 400, \"text\", [\"a\", \"b\"]");
            } else if (TomlEdit.problem(value) != null) {
                problems.add(at + (key == null ? "" : " (" + key + ")") + ": value " + TomlEdit.problem(value)
                        + "; give exactly one TOML value, such as 400, \"text\" or [\"a\", \"b\"], and one tomlEdit per key");
                value = null;
            }
            if (key != null && value != null && TOML_KEY.matcher(key).matches()) {
                edits.add(new TomlEdit(key, value));
            }
        }
        return edits;
    }

    static boolean parseBoolean(String text, String where, Problems problems) {
        String value = trimToNull(text);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        problems.add(where + ": '" + value + "' is not true or false");
        return false;
    }

    public static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
