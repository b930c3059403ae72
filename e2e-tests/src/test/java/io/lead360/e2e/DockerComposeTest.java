package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine to run docker-compose.yml here, so this test reads it and the root
 * Dockerfile: every setting a service reads from the environment is given, every container has a
 * healthcheck, a memory limit and a restart policy, services wait for what they need to be healthy, reach
 * each other by name and port, keep their keys on volumes of their own, and are built from source by one
 * layered Dockerfile that runs them as an account other than root. MongoDB and Kafka keep their data on
 * their volumes, checked against what their images document ({@code compose/image-defaults.yml}).
 *
 * <p>The settings come from the services' {@code application.yml}: feedback-service reads
 * {@code LEAD360_DATA_KEY_FILE} and {@code LEAD360_ANALYTICS_JWKS_URI}, analytics-service
 * {@code LEAD360_ANALYTICS_MONGODB_URI}, {@code LEAD360_FEEDBACK_URI} and
 * {@code LEAD360_ANALYTICS_SIGNING_KEY_FILE}; compose gives them all.
 */
class DockerComposeTest {

    private static final Path ROOT =
            Path.of(System.getProperty("lead360.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("feedback-service", "analytics-service", "gateway-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEAD360_[A-Z0-9_]+)");
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");
    private static final Pattern LAYER = Pattern.compile("/extracted/([a-z-]+)/");

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
            for (Path file : files.filter(p -> p.toString().matches(".*application.*\\.(ya?ml|properties)$"))
                    .toList()) {
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
            Map<String, Object> environment =
                    (Map<String, Object>) service(name).get("environment");
            // a port a service is not asked to listen on, or a route to a service it does not call, is not read
            Set<String> needed = new TreeSet<>(read);
            needed.removeIf(v -> v.endsWith("_PORT")
                    && !v.equals(portVariableOf(name))
                    && !v.equals(managementPortVariableOf(name)));
            needed.removeIf(v -> v.equals("LEAD360_HOME"));
            assertThat(environment.keySet())
                    .as(name + " environment in docker-compose.yml")
                    .containsAll(needed);
        }
    }

    private static String portVariableOf(String service) {
        return "LEAD360_" + service.replace("-service", "").toUpperCase() + "_PORT";
    }

    private static String managementPortVariableOf(String service) {
        return "LEAD360_" + service.replace("-service", "").toUpperCase() + "_MANAGEMENT_PORT";
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
                assertThat(url.group(2))
                        .as(name + " " + setting.getKey())
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
                        .findFirst()
                        .orElse(null);
                assertThat(volume)
                        .as(name + " " + setting.getKey() + " " + file + " on a volume")
                        .isNotNull();
                assertThat(named).as("named volumes").contains(volume);
                // one service's keys are not readable by another
                assertThat(ownerOfVolume.putIfAbsent(volume, name))
                        .as(volume + " shared")
                        .isIn(null, name);
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
            Map<String, Object> limits = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) service.get("deploy")).get("resources"))
                            .get("limits");
            assertThat(limits).as(entry.getKey() + " memory limit").containsKey("memory");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() throws IOException {
        for (String name : List.of("feedback-service", "analytics-service")) {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) service(name).get("depends_on");
            assertThat(dependsOn).containsOnlyKeys("mongodb", "kafka");
            dependsOn.values().forEach(c -> assertThat(c.get("condition")).isEqualTo("service_healthy"));
        }
        Map<String, Map<String, String>> gateway =
                (Map<String, Map<String, String>>) service("gateway-service").get("depends_on");
        assertThat(gateway).containsOnlyKeys("feedback-service", "analytics-service");
        assertThat(String.valueOf(service("mongodb").get("command"))).contains("--replSet");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsBuiltFromSourceByTheOneRootDockerfileWithItsModule() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(build).as(name + " build").isNotNull();
            assertThat(String.valueOf(build.get("context")))
                    .as(name + " build context")
                    .isIn(".", "./");
            assertThat(build.getOrDefault("dockerfile", "Dockerfile"))
                    .as(name + " dockerfile")
                    .isEqualTo("Dockerfile");
            assertThat((Map<String, Object>) build.get("args"))
                    .as(name + " build args")
                    .containsEntry("MODULE", name);
            assertThat(ROOT.resolve(name).resolve("Dockerfile"))
                    .as("a Dockerfile of its own")
                    .doesNotExist();
        }
        DockerfileStages dockerfile = dockerfile();
        assertThat(dockerfile.globalArgs()).contains("MODULE");
        DockerfileStages.Stage build = dockerfile.stage("build");
        assertThat(build.all("ARG"))
                .extracting(DockerfileStages.Instruction::arguments)
                .contains("MODULE");
        // from source: the reactor builds the module and what it needs, nothing comes prebuilt
        assertThat(build.all("COPY"))
                .extracting(DockerfileStages.Instruction::arguments)
                .contains(". .");
        assertThat(build.all("RUN"))
                .extracting(DockerfileStages.Instruction::arguments)
                .anySatisfy(run -> assertThat(run)
                        .contains("--mount=type=cache,target=/root/.m2")
                        .contains("./mvnw -B")
                        .contains("-pl \"$MODULE\" -am package -DskipTests"))
                .anySatisfy(run ->
                        assertThat(run).contains("java -Djarmode=tools -jar").contains("extract --layers --launcher"));
    }

    @Test
    void theImageRunsAsAnAccountOtherThanRoot() throws IOException {
        DockerfileStages.Stage runtime = dockerfile().last();
        assertThat(runtime.image()).as("runtime image").contains("jre");
        assertThat(runtime.user()).as("USER of the runtime stage").isNotIn("root", "0", "");
        // the account exists: created in the same stage
        assertThat(runtime.all("RUN"))
                .extracting(DockerfileStages.Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("useradd").contains(" " + runtime.user()));
    }

    @Test
    void theImageCopiesSpringBootsLayersFromTheLeastToTheMostChanging() throws IOException {
        DockerfileStages.Stage runtime = dockerfile().last();
        List<String> layers = runtime.all("COPY").stream()
                .map(DockerfileStages.Instruction::arguments)
                .filter(copy -> copy.startsWith("--from=build "))
                .map(copy -> LAYER.matcher(copy))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(runtime.all("ENTRYPOINT"))
                .singleElement()
                .extracting(DockerfileStages.Instruction::arguments)
                .asString()
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void theBuildContextLeavesOutDataKeysSecretsAndBuildOutput() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        // var/ holds ./lead360's data and keys: an image built with them would carry who rated whom
        assertThat(ignored).contains("var", ".env", ".git", "**/target", "**/*-home");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyContainerRestartsAfterAFailureUnlessStopped() throws IOException {
        for (var entry : services().entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            assertThat(service.get("restart"))
                    .as(entry.getKey() + " restart policy")
                    .isIn("unless-stopped", "on-failure");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVolumeOfAStatefulServiceIsTheDirectoryItWrites() throws IOException {
        ImageDefaults images = ImageDefaults.load();
        int checked = 0;
        for (var entry : services().entrySet()) {
            Map<String, Object> service = (Map<String, Object>) entry.getValue();
            String image = (String) service.get("image");
            if (image == null || !images.describes(image)) {
                continue;
            }
            List<String> writes = images.dataDirectories(image, environmentOf(service), commandOf(service));
            List<String> volumes = ((List<String>) service.getOrDefault("volumes", List.of()))
                    .stream().map(m -> m.split(":")[1]).toList();
            assertThat(volumes)
                    .as(entry.getKey() + " (" + image + ") writes " + writes + "; its volumes")
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(writes);
            checked++;
        }
        // MongoDB and Kafka; a stateful image compose/image-defaults.yml does not know is not checked
        assertThat(checked).isEqualTo(2);
        assertThat(service("mongodb").get("image")).isIn(images.images());
        assertThat(service("kafka").get("image")).isIn(images.images());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckOfVolumesNoticesKafkaWritingBesideItsVolume() throws IOException {
        ImageDefaults images = ImageDefaults.load();
        Map<String, String> environment = environmentOf(service("kafka"));
        environment.remove("KAFKA_LOG_DIRS");
        // any KAFKA_* setting replaces the image's default configuration: the broker's own default applies
        assertThat(images.dataDirectories("apache/kafka:4.1.2", environment, List.of()))
                .containsExactly("/tmp/kafka-logs");
        // no setting at all: the default configuration of the distribution
        assertThat(images.dataDirectories("apache/kafka:4.1.2", Map.of("KAFKA_HEAP_OPTS", "-Xmx512m"), List.of()))
                .containsExactly("/tmp/kraft-combined-logs");
        assertThat(images.dataDirectories("mongo:8.0", Map.of(), List.of("mongod", "--dbpath", "/srv/mongo")))
                .containsExactly("/srv/mongo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthchecksAskForReadinessOnTheManagementPortReachableInTheNetwork() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> environment = environment(name);
            String managementPort = managementPortVariableOf(name);
            assertThat(environment)
                    .as(name)
                    .containsKey(managementPort)
                    .containsEntry("LEAD360_MANAGEMENT_ADDRESS", "0.0.0.0");
            List<String> test =
                    (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test");
            assertThat(test)
                    .as(name + " healthcheck")
                    .contains("http://localhost:" + environment.get(managementPort) + "/actuator/health/readiness");
            // the actuator stays inside the compose network: only the gateway's public port is published
            assertThat(String.valueOf(service(name).getOrDefault("ports", List.of())))
                    .doesNotContain(String.valueOf(environment.get(managementPort)));
        }
    }

    @Test
    void noPasswordHasAPublishedDefault() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher defaulted = Pattern.compile("\\$\\{(LEAD360_BOOTSTRAP_ADMIN_PASSWORD):-([^}]*)}")
                .matcher(compose);
        assertThat(defaulted.find())
                .as("LEAD360_BOOTSTRAP_ADMIN_PASSWORD in docker-compose.yml")
                .isTrue();
        assertThat(defaulted.group(2)).as("its default").isEmpty();
    }

    private static DockerfileStages dockerfile() throws IOException {
        return DockerfileStages.parse(Files.readString(ROOT.resolve("Dockerfile")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environmentOf(Map<String, Object> service) {
        Map<String, String> environment = new HashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> commandOf(Map<String, Object> service) {
        Object command = service.get("command");
        if (command == null) {
            return List.of();
        }
        return command instanceof List<?> list
                ? (List<String>) list
                : List.of(String.valueOf(command).split("\\s+"));
    }
}
