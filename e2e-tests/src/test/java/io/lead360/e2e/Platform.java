package io.lead360.e2e;

import io.lead360.testsupport.IgnoreDeveloperEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a user runs it: {@code ./lead360 up} on free ports with a fresh
 * {@code LEAD360_HOME}, driven through the gateway, stopped with {@code ./lead360 down}.
 */
final class Platform {

    static final String ADMIN_EMAIL = "admin@e2e.lead360.test";
    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    /** Ports handed out so far: two settings must not get the same free port. */
    private final Set<Integer> ports = new HashSet<>();

    private final int gatewayPort;
    private final int imapPort;

    Platform(String name) throws IOException {
        root = Path.of(System.getProperty("lead360.root", ".."))
                .toAbsolutePath()
                .normalize();
        home = root.resolve("e2e-tests/target/" + name + "-home");
        deleteRecursively(home);
        Files.createDirectories(home.getParent());
        // as ./lead360 would create it: the data in it is readable by this account only
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(
                    home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(home);
        }
        gatewayPort = freePort();
        env.put("LEAD360_HOME", home.toString());
        env.put("LEAD360_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("LEAD360_FEEDBACK_PORT", String.valueOf(freePort()));
        env.put("LEAD360_ANALYTICS_PORT", String.valueOf(freePort()));
        // each service's operator port (health, Prometheus): free ones too, so that platforms never share them
        env.put("LEAD360_GATEWAY_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("LEAD360_FEEDBACK_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("LEAD360_ANALYTICS_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("LEAD360_INFRA_HEALTH_PORT", String.valueOf(freePort()));
        env.put("LEAD360_MONGODB_PORT", String.valueOf(freePort()));
        env.put("LEAD360_ANALYTICS_MONGODB_PORT", String.valueOf(freePort()));
        env.put("LEAD360_KAFKA_PORT", String.valueOf(freePortPair()));
        imapPort = freePort();
        env.put("LEAD360_SMTP_PORT", String.valueOf(freePort()));
        env.put("LEAD360_IMAP_PORT", String.valueOf(imapPort));
        env.put("LEAD360_PUBLIC_URL", "http://127.0.0.1:" + gatewayPort);
        env.put("LEAD360_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("LEAD360_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // every simulated person signs in from 127.0.0.1: the per-address sign-in rate limit (30 a minute by
        // default, tested in the gateway's AbuseLimitsIT) would otherwise throttle a 200-person cycle
        env.put("LEAD360_SIGN_INS_PER_MINUTE", "100000");
        env.put("LEAD360_SIGN_INS_BURST", "100000");
        // the reactor has just built the jars; the test must run what was built, not rebuild
        env.put("LEAD360_NO_BUILD", "1");
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** What local-infra's mail server received for the address, read over IMAP as a mail client would. */
    java.util.List<io.lead360.infra.MailInbox.Mail> inbox(String address) {
        return io.lead360.infra.MailInbox.read("127.0.0.1", imapPort, address);
    }

    Path home() {
        return home;
    }

    /** local-infra's data ({@code kafka}, {@code mongodb-feedback}, {@code mongodb-analytics}) and nothing else. */
    Path dataDir() {
        return home.resolve("data");
    }

    /** feedback-service's MongoDB (local-infra's feedback store). */
    String mongoUri() {
        return "mongodb://127.0.0.1:" + env.get("LEAD360_MONGODB_PORT");
    }

    /** analytics-service's MongoDB (local-infra's analytics store). */
    String analyticsMongoUri() {
        return "mongodb://127.0.0.1:" + env.get("LEAD360_ANALYTICS_MONGODB_PORT");
    }

    /** Runs {@code ./lead360 <args>}; returns its output, fails when it exits non-zero. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("lead360").toString()));
        command.addAll(List.of(args));
        Path log = home.resolve("lead360-" + String.join("-", args) + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // the developer's LEAD360_* (or SPRING_*) variables would change the platform under test
        builder.environment().keySet().removeIf(IgnoreDeveloperEnvironment::ignored);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./lead360 " + String.join(" ", args) + " timed out; see " + log);
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./lead360 " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    /** Sets an environment variable for every later {@code ./lead360} call (e.g. LEAD360_INFRA_FAULT_CONTROL). */
    Platform withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Leaves a setting out of every later {@code ./lead360} call, so the script's own default applies. */
    Platform withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    /** The value the platform runs with, e.g. {@code env("LEAD360_KAFKA_PORT")}. */
    String env(String name) {
        return env.get(name);
    }

    /** local-infra's health server (and, with LEAD360_INFRA_FAULT_CONTROL=true, its fault control). */
    String infraUrl() {
        return "http://127.0.0.1:" + env.get("LEAD360_INFRA_HEALTH_PORT");
    }

    /** A service's management port ({@code gateway-service}, {@code feedback-service}, {@code analytics-service}). */
    String managementUrl(String service) {
        return "http://127.0.0.1:"
                + env.get("LEAD360_" + service.replace("-service", "").toUpperCase() + "_MANAGEMENT_PORT");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + env.get("LEAD360_KAFKA_PORT");
    }

    /** The pid {@code ./lead360} recorded for a component (local-infra, feedback-service, ...), if it runs. */
    java.util.OptionalLong pidOf(String component) throws IOException {
        Path file = home.resolve("run/" + component + ".pid");
        if (!Files.exists(file)) {
            return java.util.OptionalLong.empty();
        }
        long pid = Long.parseLong(Files.readString(file).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                ? java.util.OptionalLong.of(pid)
                : java.util.OptionalLong.empty();
    }

    /** Sends a signal ({@code KILL}, {@code STOP}, {@code CONT}...) to a running component. */
    void signal(String component, String signal) throws IOException, InterruptedException {
        long pid = pidOf(component).orElseThrow(() -> new IllegalStateException(component + " does not run"));
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything; returns once the process is gone. */
    void kill9(String component) throws IOException, InterruptedException {
        long pid = pidOf(component).orElseThrow(() -> new IllegalStateException(component + " does not run"));
        signal(component, "KILL");
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** Stops the platform, whatever state it is in. */
    void stopQuietly() {
        try {
            run("down");
        } catch (Exception e) {
            System.err.println("lead360 down failed: " + e.getMessage());
        }
    }

    private int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (!ports.contains(port)) {
                    ports.add(port);
                    return port;
                }
            }
        }
        throw new IOException("no free port that is not handed out already");
    }

    /** A free port whose successor is free too (Kafka's controller listens on port + 1). */
    private int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = freePort();
            if (ports.contains(port + 1)) {
                continue;
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                ports.add(port + 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
