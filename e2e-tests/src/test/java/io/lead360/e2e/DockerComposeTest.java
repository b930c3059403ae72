package io.lead360.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine to run docker-compose.yml here, so this test reads it: every
 * setting a service reads from the environment is given, every container has a healthcheck and a
 * memory limit, services wait for what they need to be healthy, reach each other by name and port,
 * and keep their keys on volumes of their own.
 *
 * <p>The settings come from the services' {@code application.yml}: feedback-service reads
 * {@code LEAD360_DATA_KEY_FILE} and {@code LEAD360_ANALYTICS_JWKS_URI}, analytics-service
 * {@code LEAD360_ANALYTICS_MONGODB_URI}, {@code LEAD360_FEEDBACK_URI} and
 * {@code LEAD360_ANALYTICS_SIGNING_KEY_FILE}; compose gives them all.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("feedback-service", "analytics-service", "gateway-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEAD360_[A-Z0-9_]+)");
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        return (Map<String, Object>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service).as(name + " in docker-compose.yml").isNotNull();
        return service;
    }

    /** The LEAD360_* variables a service's configuration reads. */
    private static Set<String> settingsReadBy(String serviceName) throws IOException {
        Set<String> names = new TreeSet<>();
        try (var files = Files.walk(ROOT.resolve(serviceName).resolve("src/main/resources"))) {
            for (Path file : files.filter(p -> p.toString().matches(".*application.*\\.(ya?ml|properties)$")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingAServiceReadsIsGivenInCompose() throws IOException {
        for (String name : SERVICES) {
            Set<String> read = settingsReadBy(name);
            assertThat(read).as(name + " reads settings from the environment").isNotEmpty();
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            // a port a service is not asked to listen on, or a route to a service it does not call, is not read
            Set<String> needed = new TreeSet<>(read);
            needed.removeIf(v -> v.endsWith("_PORT") && !v.equals(portVariableOf(name)));
            needed.removeIf(v -> v.equals("LEAD360_HOME"));
            assertThat(environment.keySet()).as(name + " environment in docker-compose.yml").containsAll(needed);
        }
    }

    private static String portVariableOf(String service) {
        return "LEAD360_" + service.replace("-service", "").toUpperCase() + "_PORT";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    @Test
    void servicesReachEachOtherByTheirComposeNameAndThePortTheyListenOn() throws IOException {
        int links = 0;
        for (String name : SERVICES) {
            for (var setting : environment(name).entrySet()) {
                Matcher url = SERVICE_URL.matcher(String.valueOf(setting.getValue()));
                if (!url.matches() || !SERVICES.contains(url.group(1))) {
                    continue;
                }
                String target = url.group(1);
                assertThat(url.group(2)).as(name + " " + setting.getKey())
                        .isEqualTo(String.valueOf(environment(target).get(portVariableOf(target))));
                links++;
            }
        }
        // the gateway's routes and JWKS, analytics' JWKS for feedback-service, feedback for analytics-service
        assertThat(links).isGreaterThanOrEqualTo(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyKeyFileLivesOnANamedVolumeOfItsOwnService() throws IOException {
        Set<String> named = ((Map<String, Object>) compose().get("volumes")).keySet();
        Map<String, String> ownerOfVolume = new HashMap<>();
        for (String name : SERVICES) {
            List<String> mounts = (List<String>) service(name).getOrDefault("volumes", List.of());
            for (var setting : environment(name).entrySet()) {
                // a key a service creates must survive `docker compose down`; *_KEY_FILES are the operator's extra keys
                if (!setting.getKey().endsWith("_KEY_FILE")) {
                    continue;
                }
                String file = String.valueOf(setting.getValue());
                String volume = mounts.stream()
                        .map(m -> m.split(":"))
                        .filter(m -> file.startsWith(m[1] + "/"))
                        .map(m -> m[0])
                        .findFirst().orElse(null);
                assertThat(volume).as(name + " " + setting.getKey() + " " + file + " on a volume").isNotNull();
                assertThat(named).as("named volumes").contains(volume);
                // one service's keys are not readable by another
                assertThat(ownerOfVolume.putIfAbsent(volume, name)).as(volume + " shared").isIn(null, name);
            }
        }
        assertThat(ownerOfVolume).containsOnlyKeys("gateway-keys", "feedback-keys", "analytics-keys");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContainerHasAHealthcheckAndAMemoryLimit() throws IOException {
        for (var entry : services().entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            assertThat(service).as(entry.getKey()).containsKey("healthcheck");
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    service.get("deploy")).get("resources")).get("limits");
            assertThat(limits).as(entry.getKey() + " memory limit").containsKey("memory");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() throws IOException {
        for (String name : List.of("feedback-service", "analytics-service")) {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(name).get("depends_on");
            assertThat(dependsOn).containsOnlyKeys("mongodb", "kafka");
            dependsOn.values().forEach(c -> assertThat(c.get("condition")).isEqualTo("service_healthy"));
        }
        Map<String, Map<String, String>> gateway = (Map<String, Map<String, String>>) service("gateway-service").get("depends_on");
        assertThat(gateway).containsOnlyKeys("feedback-service", "analytics-service");
        assertThat(String.valueOf(service("mongodb").get("command"))).contains("--replSet");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceIsBuiltFromItsOwnDockerfileAndJar() throws IOException {
        for (String name : SERVICES) {
            assertThat(service(name).get("build")).isEqualTo("./" + name);
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            assertThat(dockerfile).contains("COPY target/" + name + "-0.1.0-SNAPSHOT-exec.jar");
        }
    }
}
