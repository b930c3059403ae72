package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.testsupport.IgnoreDeveloperEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./lead360} as a newcomer meets it, without starting anything: the help, colour that respects
 * NO_COLOR, the checks that refuse to start (a busy port, an old Java), and the list of modules whose
 * changes rebuild a jar, checked against the poms.
 */
class Lead360ScriptTest {

    private static final Path ROOT =
            Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    private static final String ESCAPE = "\u001b[";
    private static final List<String> PORT_VARIABLES = List.of(
            "LEAD360_GATEWAY_PORT",
            "LEAD360_FEEDBACK_PORT",
            "LEAD360_ANALYTICS_PORT",
            "LEAD360_INFRA_HEALTH_PORT",
            "LEAD360_MONGODB_PORT",
            "LEAD360_ANALYTICS_MONGODB_PORT",
            "LEAD360_SMTP_PORT",
            "LEAD360_IMAP_PORT",
            "LEAD360_GATEWAY_MANAGEMENT_PORT",
            "LEAD360_FEEDBACK_MANAGEMENT_PORT",
            "LEAD360_ANALYTICS_MANAGEMENT_PORT");

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private final List<ServerSocket> held = new ArrayList<>();
    /** Two settings must not get the same free port: the script would rightly refuse that. */
    private final Set<Integer> handedOut = new java.util.HashSet<>();

    record Run(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    @BeforeEach
    void freshHomeAndFreePorts() throws IOException {
        env.put("LEAD360_HOME", home.toString());
        env.put("LEAD360_NO_BUILD", "1");
        for (String variable : PORT_VARIABLES) {
            env.put(variable, String.valueOf(freePort()));
        }
        env.put("LEAD360_KAFKA_PORT", String.valueOf(freePortPair()));
        env.put("TERM", "xterm-256color");
    }

    @AfterEach
    void releasePorts() throws IOException {
        for (ServerSocket socket : held) {
            socket.close();
        }
    }

    @Test
    void helpExitsZeroAndNamesEveryCommand() throws Exception {
        Run help = lead360("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout())
                .contains(
                        "./lead360 up",
                        "./lead360 down",
                        "./lead360 status",
                        "./lead360 demo",
                        "./lead360 rebuild-profiles",
                        "./lead360 logs",
                        "./lead360 build",
                        "NO_COLOR");
        // help has no side effects: no LEAD360_HOME is made for it
        assertThat(home).isEmptyDirectory();
        assertThat(lead360("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void statusIsColouredOnlyWhereColourIsWantedAndNeverWithNoColor() throws Exception {
        env.put("CLICOLOR_FORCE", "1");
        Run forced = lead360("status");
        assertThat(forced.stdout()).as("CLICOLOR_FORCE=1").contains("stopped").contains(ESCAPE);

        env.put("NO_COLOR", "1");
        Run noColour = lead360("status");
        assertThat(noColour.stdout()).as("NO_COLOR=1 wins").contains("stopped").doesNotContain(ESCAPE);
        assertThat(noColour.stderr()).doesNotContain(ESCAPE);

        env.remove("NO_COLOR");
        env.remove("CLICOLOR_FORCE");
        Run piped = lead360("status");
        assertThat(piped.stdout()).as("not a terminal").contains("stopped").doesNotContain(ESCAPE);
        // nothing runs: status says so with its exit code
        assertThat(piped.exitCode()).isEqualTo(1);
    }

    @Test
    void upRefusesABusyPortNamingItAndItsVariableAndStartsNothing() throws Exception {
        ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        held.add(busy);
        env.put("LEAD360_ANALYTICS_PORT", String.valueOf(busy.getLocalPort()));

        Run up = lead360("up");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr())
                .contains("port " + busy.getLocalPort() + " (LEAD360_ANALYTICS_PORT, for analytics-service) is in use");
        assertStartedNothing();
    }

    @Test
    void upRefusesPortsThatAreNotNumbersOrAreSetTwice() throws Exception {
        env.put("LEAD360_GATEWAY_PORT", "eighty");
        env.put("LEAD360_FEEDBACK_PORT", env.get("LEAD360_MONGODB_PORT"));

        Run up = lead360("up");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr())
                .contains("LEAD360_GATEWAY_PORT is 'eighty', not a port number")
                .contains("port " + env.get("LEAD360_MONGODB_PORT")
                        + " is set twice: LEAD360_MONGODB_PORT and LEAD360_FEEDBACK_PORT");
        assertStartedNothing();
    }

    @Test
    void upRefusesAJavaOlderThan17AndSaysWhichItFound(@TempDir Path bin) throws Exception {
        Path java = bin.resolve("java");
        // what `java -XshowSettings:properties -version` of a Java 11 prints (to stderr)
        Files.writeString(java, """
                #!/bin/sh
                echo 'Property settings:' >&2
                echo '    java.specification.version = 11' >&2
                echo 'openjdk version "11.0.25" 2024-10-15' >&2
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));

        Run up = lead360("up");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr()).contains("Java 17 or newer is needed; found Java 11 at " + java);
        assertStartedNothing();
    }

    /** A jar holds its own module and every module it depends on at run time: a change in any rebuilds it. */
    @Test
    void everyJarIsRebuiltWhenAnyModuleItContainsChanges() throws Exception {
        Map<String, Set<String>> inScript = jarModulesOfTheScript();
        Map<String, Set<String>> fromPoms = new TreeMap<>();
        for (String component : inScript.keySet()) {
            fromPoms.put(component, modulesInTheJarOf(component));
        }
        assertThat(inScript).isEqualTo(fromPoms);
        assertThat(inScript)
                .containsOnlyKeys("local-infra", "feedback-service", "analytics-service", "gateway-service");
        // the list covers what a service jar really contains, e.g. the event contracts
        assertThat(fromPoms.get("feedback-service")).contains("feedback-events", "service-support");
    }

    private void assertStartedNothing() throws IOException {
        Path run = home.resolve("run");
        if (Files.exists(run)) {
            try (var pids = Files.list(run)) {
                assertThat(pids.toList()).as("pid files: nothing was started").isEmpty();
            }
        }
        Path logs = home.resolve("logs");
        if (Files.exists(logs)) {
            try (var files = Files.list(logs)) {
                assertThat(files.toList()).as("logs: nothing was started").isEmpty();
            }
        }
        assertThat(home.resolve("keys/bootstrap-admin-password"))
                .as("no password generated for nothing")
                .doesNotExist();
    }

    private Run lead360(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve("lead360").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.getParent(), "lead360-out-", ".txt");
        Path err = Files.createTempFile(home.getParent(), "lead360-err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(IgnoreDeveloperEnvironment::ignored);
        builder.environment().keySet().removeIf(v -> v.equals("NO_COLOR") || v.equals("CLICOLOR_FORCE"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./lead360 " + String.join(" ", args) + " did not finish");
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private Map<String, Set<String>> jarModulesOfTheScript() throws IOException {
        String script = Files.readString(ROOT.resolve("lead360"));
        Matcher block = Pattern.compile("(?s)\\nJAR_MODULES=\\((.*?)\\n\\)").matcher(script);
        assertThat(block.find()).as("JAR_MODULES in ./lead360").isTrue();
        Map<String, Set<String>> modules = new TreeMap<>();
        Matcher entry = Pattern.compile("\"([a-z0-9-]+): ([a-z0-9 -]+)\"").matcher(block.group(1));
        while (entry.find()) {
            modules.put(
                    entry.group(1), new TreeSet<>(List.of(entry.group(2).strip().split("\\s+"))));
        }
        return modules;
    }

    /** The module and, transitively, every io.lead360 module it needs at run time (not test, not provided). */
    private static Set<String> modulesInTheJarOf(String module) throws Exception {
        Set<String> found = new TreeSet<>();
        Set<String> next = new LinkedHashSet<>(List.of(module));
        while (!next.isEmpty()) {
            String current = next.iterator().next();
            next.remove(current);
            if (found.add(current)) {
                next.addAll(runtimeModuleDependencies(current));
            }
        }
        return found;
    }

    private static List<String> runtimeModuleDependencies(String module) throws Exception {
        Path pom = ROOT.resolve(module).resolve("pom.xml");
        assertThat(pom).as("a reactor module").exists();
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement();
        List<String> modules = new ArrayList<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (dependency.getParentNode().getParentNode() != project) {
                continue; // dependencyManagement or a plugin's dependencies
            }
            String scope = text(dependency, "scope");
            if ("io.lead360".equals(text(dependency, "groupId"))
                    && (scope == null || scope.equals("compile") || scope.equals("runtime"))) {
                modules.add(text(dependency, "artifactId"));
            }
        }
        return modules;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                if (handedOut.add(socket.getLocalPort()) && handedOut.add(socket.getLocalPort() + 1)) {
                    return socket.getLocalPort(); // its successor stays free for Kafka's controller
                }
            }
        }
        throw new IOException("no free port that is not handed out already");
    }

    /** A free port whose successor is free too: Kafka's controller listens on the next port. */
    private int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1, 50, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another try
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
